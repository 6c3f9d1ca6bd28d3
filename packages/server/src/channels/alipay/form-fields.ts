/**
 * The decoded fields of a form body: unique names in body order, stored once as the plain object that becomes the
 * event's `raw`. A notification used to build a `Map` and then copy it into `raw`: building both cost twice as much
 * as one object (`npm run bench -- --only alipay-notify`).
 */

/** Read access shared by `FormFields` and a plain `Map` (tests and callers may pass either). */
export interface FieldReader {
  get(name: string): string | undefined;
  keys(): Iterable<string>;
}

export class FormFields implements FieldReader, Iterable<[string, string]> {
  /** The fields as own enumerable data properties, like `Object.fromEntries` (a `__proto__` field stays data). */
  readonly record: Record<string, string> = {};
  private readonly nameList: string[] = [];
  private readonly valueList: string[] = [];

  /** Field names in body order (an object would list integer-like names first). */
  get names(): readonly string[] {
    return this.nameList;
  }

  /** Field values, at the index of their name. */
  get values(): readonly string[] {
    return this.valueList;
  }

  /** Add a field; false (and nothing added) when the name is already there: the caller refuses the message. */
  add(name: string, value: string): boolean {
    const { record } = this;
    if (Object.hasOwn(record, name)) return false;
    if (name === '__proto__') Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
    else record[name] = value;
    this.nameList.push(name);
    this.valueList.push(value);
    return true;
  }

  /** The value of an own field, never an `Object.prototype` member (`get('toString')` is undefined unless sent). */
  get(name: string): string | undefined {
    return Object.hasOwn(this.record, name) ? this.record[name] : undefined;
  }

  has(name: string): boolean {
    return Object.hasOwn(this.record, name);
  }

  get size(): number {
    return this.nameList.length;
  }

  keys(): IterableIterator<string> {
    return this.nameList.values();
  }

  *[Symbol.iterator](): IterableIterator<[string, string]> {
    for (let i = 0; i < this.nameList.length; i++) yield [this.nameList[i] as string, this.valueList[i] as string];
  }
}

/** Names and values in order, index for index: a `FormFields` as it is (no lookups), any other reader copied. */
export function fieldsInOrder(fields: FieldReader): { names: readonly string[]; values: readonly string[] } {
  if (fields instanceof FormFields) return fields;
  const names = [...fields.keys()];
  return { names, values: names.map((name) => fields.get(name) as string) };
}
