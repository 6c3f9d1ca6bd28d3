import { describe, expect, it } from 'vitest';
import { ownEntry } from './lookup';

describe('ownEntry', () => {
  it("answers a table's own entries and nothing inherited", () => {
    const table = { utf8: 'utf-8', empty: '' };
    expect(ownEntry(table, 'utf8')).toBe('utf-8');
    expect(ownEntry(table, 'empty')).toBe('');
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'missing']) expect(ownEntry(table, key)).toBeUndefined();
  });
});
