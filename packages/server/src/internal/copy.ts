/**
 * Deep copies of plain data (what stores keep: JSON-shaped charges, events, refunds). `structuredClone` serialises and
 * deserialises through V8's value serializer, which costs several microseconds even for a small record; walking plain
 * objects and arrays directly is an order of magnitude cheaper. Anything that is not plain data (a Date, a typed
 * array, a Map, a class instance, a function) and structures deeper than any record we store (a cycle, say) go to
 * `structuredClone`, so the result, and the error for what cannot be copied, stay exactly its.
 */
const MAX_DEPTH = 32;

/** A copy of `value` that shares no object with it, as `structuredClone(value)` would return. */
export function copyPlain<T>(value: T): T {
  return copyAt(value, 0) as T;
}

function copyAt(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'function' ? structuredClone(value) : value;
  if (depth >= MAX_DEPTH) return structuredClone(value);
  if (Array.isArray(value)) {
    // A sparse array or one with extra properties is rare enough to leave to structuredClone, which keeps both.
    if (Object.keys(value).length !== value.length) return structuredClone(value);
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyAt(value[i], depth + 1);
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyAt((value as Record<string, unknown>)[key], depth + 1);
    // An own "__proto__" key (JSON.parse makes one) must stay a key, not become the copy's prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}
