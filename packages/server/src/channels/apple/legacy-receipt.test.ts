import { describe, expect, it } from 'vitest';
import { toBase64, utf8 } from '../../internal/encoding';
import { P5_LEGACY_TRANSACTION } from './__fixtures__/apple-vectors';
import { transactionIdFromLegacyReceipt } from './legacy-receipt';

const b64 = (text: string) => toBase64(utf8(text));

describe('legacy transaction receipts (P5)', () => {
  it('reads transaction id 33993399 from the published receipt', () => {
    expect(transactionIdFromLegacyReceipt(P5_LEGACY_TRANSACTION)).toBe('33993399');
  });

  it('refuses receipts without purchase-info or a numeric transaction-id', () => {
    const code = (input: unknown) => {
      try {
        transactionIdFromLegacyReceipt(input as string);
        return 'ok';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(code('')).toBe('LEGACY_RECEIPT_INVALID');
    expect(code(42)).toBe('LEGACY_RECEIPT_INVALID');
    expect(code('%%%')).toBe('LEGACY_RECEIPT_INVALID');
    expect(code(b64('{ "other" = "x"; }'))).toBe('LEGACY_RECEIPT_INVALID');
    expect(code(b64(`{ "purchase-info" = "${b64('{ "transaction-id" = "abc"; }')}"; }`))).toBe('LEGACY_RECEIPT_INVALID');
    expect(code(b64(`{ "purchase-info" = "${b64('{ "transaction-id" = "1000000123"; }')}"; }`))).toBe('ok');
  });
});
