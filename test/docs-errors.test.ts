/**
 * docs/errors.md stays complete: every error code the sources can produce (found by reading their syntax, see
 * docs-check/error-codes.ts) must be documented there, and every code its tables list must still exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findErrorCodes } from './docs-check/error-codes';
import { repoRoot } from './docs-check/markdown';

/** Strings in `code` positions that are not payweave error codes, with the reason. Keep this list short. */
const NOT_ERROR_CODES: Readonly<Record<string, string>> = {
  FAIL: "the body of WeChat Pay v3's failure acknowledgement ({\"code\":\"FAIL\"}): WeChat's protocol",
};

const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const page = readFileSync(join(repoRoot, 'docs/errors.md'), 'utf8');
const produced = findErrorCodes().filter(({ code }) => !(code in NOT_ERROR_CODES));

/** Codes written as `CODE` anywhere on the page. */
const mentioned = new Set([...page.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1] as string));

/** Codes in the first column of the page's tables: the entries of the reference. */
const listed = new Set(
  page
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] as string))
    .filter((value) => CODE.test(value)),
);

describe('docs/errors.md', () => {
  it('finds codes in every form the sources produce them (self-check of the scanner)', () => {
    const codes = new Set(produced.map(({ code }) => code));
    // class default, helper parameter, lookup table, `code` variable, `this.code =`, literal union, parameter default
    for (const expected of ['SIGNATURE_INVALID', 'CERTIFICATE_EXPIRED', 'ORDER_NO_REUSED', 'TRANSACTION_NOT_FOUND', 'PAY_ERROR', 'JWS_MALFORMED', 'XML_INVALID']) {
      expect(codes, expected).toContain(expected);
    }
    expect(produced.length).toBeGreaterThan(100);
  });

  it('documents every error code the packages can produce', () => {
    const missing = produced.filter(({ code }) => !mentioned.has(code)).map(({ code, sites }) => `${code} (${sites.slice(0, 2).join(', ')})`);
    expect(missing, `add these codes to docs/errors.md, with what they mean and what to do:\n${missing.join('\n')}`).toEqual([]);
  });

  it('lists only codes the packages still produce', () => {
    const codes = new Set(produced.map(({ code }) => code));
    const stale = [...listed].filter((code) => !codes.has(code));
    expect(stale, `docs/errors.md lists codes no source produces any more: ${stale.join(', ')}`).toEqual([]);
  });
});
