/**
 * Every public export of every package entry is mentioned in the docs (as code: in a ```block or an inline `span`),
 * so that nothing a user can import is undocumented. docs/api.md is the index of all of them.
 */
import { describe, expect, it } from 'vitest';
import { codeBlocks, docPages, inlineCode } from './docs-check/markdown';
import { exportedNames, publicEntries } from './docs-check/public-exports';

/** Identifiers written as code anywhere in the docs. */
function documentedIdentifiers(): Set<string> {
  const identifiers = new Set<string>();
  for (const page of docPages()) {
    for (const text of [...codeBlocks(page).map((block) => block.code), ...inlineCode(page)]) {
      for (const match of text.matchAll(/[A-Za-z_$][\w$]*/g)) identifiers.add(match[0]);
    }
  }
  return identifiers;
}

describe('public exports in the docs', () => {
  const entries = publicEntries();
  const exports = exportedNames(entries);

  it('reads the exports of every package entry', () => {
    const specifiers = entries.map((entry) => entry.specifier);
    for (const expected of ['@payweave/core', '@payweave/server (node)', '@payweave/server/alipay', '@payweave/client', '@payweave/client/redirect', '@payweave/sandbox', '@payweave/store-sqlite']) {
      expect(specifiers).toContain(expected);
    }
    expect(exports.get('@payweave/core')).toContain('toYuan');
    expect(exports.get('@payweave/server (node)')).toEqual(expect.arrayContaining(['createPayServer', 'toNodeHandler', 'PaymentStore']));
  });

  it('mentions every export somewhere in the docs', () => {
    const documented = documentedIdentifiers();
    const missing = [...exports].flatMap(([entry, names]) => names.filter((name) => !documented.has(name)).map((name) => `${entry}: ${name}`));
    expect(missing, `document these exports (docs/api.md lists every export, briefly):\n${missing.join('\n')}`).toEqual([]);
  });
});
