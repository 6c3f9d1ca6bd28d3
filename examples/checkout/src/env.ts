/**
 * Reading the real gateways' keys from environment variables. Every key variable `X` may instead be given as `X_FILE`,
 * a path to a file holding it (PEM files, the UnionPay .pfx), which keeps multi-line PEM out of the environment.
 */
import { readFileSync } from 'node:fs';

export type Env = Readonly<Record<string, string | undefined>>;

/** The text of `name`, or of the file `name_FILE` points to; undefined when neither is set. */
export function readText(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  if (value) return value;
  const file = env[`${name}_FILE`]?.trim();
  return file ? readFileSync(file, 'utf8') : undefined;
}

/** Like `readText`, but a `_FILE` is read as bytes (a binary .pfx) and an inline value is taken as base64 text. */
export function readBinary(env: Env, name: string): string | Uint8Array | undefined {
  const value = env[name]?.trim();
  if (value) return value;
  const file = env[`${name}_FILE`]?.trim();
  return file ? new Uint8Array(readFileSync(file)) : undefined;
}

/**
 * Which of `names` are missing, once the first of them (the provider's id variable) is set: a half-configured
 * provider is an error, not a silent fallback to the sandbox.
 */
export function missingOf(env: Env, names: readonly string[]): string[] {
  return names.filter((name) => readText(env, name) === undefined);
}

/** Throw a message listing what to set, without echoing any value. */
export function requireAll(env: Env, provider: string, names: readonly string[]): void {
  const missing = missingOf(env, names);
  if (missing.length > 0) {
    throw new Error(`${provider}: real keys are partly configured; also set ${missing.join(', ')} (or the *_FILE variants), or unset ${names[0]} to use the sandbox`);
  }
}
