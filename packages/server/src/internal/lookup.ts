/**
 * Lookups in constant tables by a key that comes from outside (a form field, an XML entity name, a gateway code): a
 * plain `table[key]` answers `Object.prototype` members for `constructor`, `toString` or `__proto__`, which then pass
 * for table entries. Found by a property test: `charset=__proto__` in an Alipay form reached `new TextDecoder(object)`.
 */

/** `table[key]` when `key` is one of the table's own entries, else undefined. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
