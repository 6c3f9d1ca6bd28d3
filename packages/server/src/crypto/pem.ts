/**
 * Turn what merchants paste into config (PEM with odd whitespace, bare base64 as the Alipay console hands keys out,
 * raw DER bytes) into DER blocks, keeping the PEM label so that `keys.ts` can tell key kinds apart.
 */
import { PayConfigError } from '@payweave/core';
import { fromBase64 } from '../internal/encoding';

/** One decoded block: `label` is the PEM type (`RSA PRIVATE KEY`, `CERTIFICATE` ...) or null for base64/DER input. */
export interface KeyBlock {
  readonly label: string | null;
  readonly der: Uint8Array;
  /** True for legacy OpenSSL encrypted PEM (`Proc-Type: 4,ENCRYPTED` header). */
  readonly encryptedHeader: boolean;
}

/** Key or certificate input as accepted from configuration. */
export type KeyInput = string | Uint8Array;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Decode every PEM block, or the single base64/DER payload; throws `PayConfigError` naming `label` when unreadable. */
export function decodeKeyInput(input: KeyInput, label: string): KeyBlock[] {
  if (input instanceof Uint8Array) {
    if (input.length === 0) throw new PayConfigError(`${label} is empty: pass the key as PEM text, base64 or DER bytes`);
    return [{ label: null, der: input, encryptedHeader: false }];
  }
  if (typeof input !== 'string') {
    throw new PayConfigError(`${label} must be a string (PEM or base64) or a Uint8Array (DER), got ${typeof input}`);
  }
  // Environment variables often carry PEM with literal "\n" sequences instead of line breaks.
  const text = input.replace(/\\r\\n|\\n/g, '\n').trim();
  if (text === '') throw new PayConfigError(`${label} is empty: pass the key as PEM text, base64 or DER bytes`);
  if (text.includes('-----BEGIN')) return decodePem(text, label);
  if (/^(\.{0,2}\/|[A-Za-z]:\\)|\.(pem|crt|cer|key|txt|p12|pfx)$/i.test(text)) {
    throw new PayConfigError(
      `${label} looks like a file path: read the file (e.g. fs.readFileSync(path, 'utf8')) and pass its contents`,
    );
  }
  const der = /^[A-Za-z0-9+/=_\-\s]+$/.test(text) ? fromBase64(text) : null;
  if (!der || der.length < 16) {
    throw new PayConfigError(
      `${label} is neither PEM nor base64: pass the key file's text (-----BEGIN ...-----) or the base64 key from the console`,
    );
  }
  return [{ label: null, der, encryptedHeader: false }];
}

function decodePem(text: string, label: string): KeyBlock[] {
  const blocks: KeyBlock[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    const pemLabel = match[1] as string;
    const lines = (match[2] as string).split(/\r?\n|\r/).map((line) => line.trim());
    // RFC 1421 headers (Proc-Type, DEK-Info) come before a blank line; only legacy encrypted keys use them.
    const headers = lines.filter((line) => /^[A-Za-z-]+:/.test(line));
    const body = lines.filter((line) => line !== '' && !/^[A-Za-z-]+:/.test(line)).join('');
    const der = fromBase64(body);
    if (!der || der.length === 0) {
      throw new PayConfigError(
        `${label}: the ${pemLabel} PEM block is not valid base64; copy the whole file again without editing it`,
      );
    }
    const encryptedHeader = headers.some((h) => /^Proc-Type:\s*4,\s*ENCRYPTED/i.test(h));
    blocks.push({ label: pemLabel, der, encryptedHeader });
  }
  if (blocks.length === 0) {
    throw new PayConfigError(
      `${label}: found a -----BEGIN line but no matching -----END line; pass the complete PEM text`,
    );
  }
  return blocks;
}
