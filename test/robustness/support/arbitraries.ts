/**
 * Hostile inputs: anything at all, wrong types, huge and broken strings, nested garbage, prototype-pollution keys,
 * NaN/Infinity/-0, BigInt, symbols, functions. `mutate(valid)` keeps a valid value's shape and breaks one part of it.
 */
import fc from 'fast-check';

/** Property runs per property: enough to find shape bugs, fast enough for the 60 s project budget. */
export const RUNS = Number(process.env.ROBUSTNESS_RUNS ?? 200);

const HUGE = 'A'.repeat(2 * 1024 * 1024);
const LONE_SURROGATES = '\uD800x\uDFFF';

/** Objects whose own keys are the usual prototype-pollution vectors (JSON.parse makes `__proto__` an own key). */
const pollution = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true, "status": "succeeded"}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
  JSON.parse('{"__proto__": null, "toString": 1, "valueOf": "x", "hasOwnProperty": 2}') as unknown,
  Object.create(null) as unknown,
  { toString: () => 'not a string', valueOf: () => 42 },
  { [Symbol.toPrimitive]: () => { throw new RangeError('toPrimitive'); } },
  { toJSON: () => { throw new Error('toJSON'); } },
);

/** Values no sane caller passes, most of them at once. */
const oddities = fc.constantFrom<unknown>(
  NaN,
  Infinity,
  -Infinity,
  -0,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 53,
  -1,
  1.5,
  0,
  10n ** 30n,
  -1n,
  Symbol('payweave'),
  Symbol.iterator,
  () => 1,
  async () => { throw new Error('async boom'); },
  () => { throw new TypeError('sync boom'); },
  new Error('an error as input'),
  new Date(NaN),
  /regex/,
  new Uint8Array(0),
  new Uint8Array([0, 255, 0x30, 0x82]),
  new ArrayBuffer(8),
  new Map([['a', 1]]),
  new Set([1]),
  [],
  [[[[[]]]]],
  '',
  ' ',
  '\0',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  LONE_SURROGATES,
  '%E0%A4%A',
  '%',
  '../../etc/passwd',
  'http://',
  'javascript:alert(1)',
  'ftp://example.com',
  '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
  '-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----',
  'MII',
  '{"a":',
  '<xml><a>',
  '1e309',
  HUGE,
);

/** Strings of every kind, including lone surrogates and control characters. */
export const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', LONE_SURROGATES, HUGE, 'x'.repeat(65), '0'.repeat(33)),
);

/** Anything: fast-check's `anything()` with every option on, plus the oddities and pollution objects. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withTypedArray: true,
    withSparseArray: true,
    withUnicodeString: true,
  }) },
  { weight: 3, arbitrary: oddities },
  { weight: 1, arbitrary: pollution },
  { weight: 1, arbitrary: anyString },
);

/** A record with garbage values under the given keys (some present, some not), plus stray keys. */
export function garbageRecord(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(
    fc.record(Object.fromEntries(keys.map((key) => [key, garbage])), { requiredKeys: [] }),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'extra', 'toString'), garbage, { maxKeys: 2 }),
  ).map(([record, extra]) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) out[key] = value;
    for (const [key, value] of Object.entries(extra)) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    return out;
  });
}

/** `valid` (plain, cloneable data) with one (possibly nested) field replaced by garbage, deleted, or a stray key added. */
export function mutate<T extends object>(valid: T): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (path.length > 0) paths.push(path);
    const plain = Array.isArray(value) || (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value)));
    if (plain && path.length < 3) {
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], [...path, key]);
    }
  };
  walk(valid, []);
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), value: garbage }),
    fc.constant({ kind: 'delete' as const }),
    fc.record({ kind: fc.constant('extra' as const), key: fc.constantFrom('__proto__', 'constructor', 'unknownField'), value: garbage }),
  );
  return fc.tuple(fc.constantFrom(...paths), edit).map(([path, change]) => {
    const copy = structuredClone(valid) as Record<string, unknown>;
    let parent: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
    const last = path[path.length - 1] as string;
    if (change.kind === 'set') parent[last] = change.value;
    else if (change.kind === 'delete') delete parent[last];
    else Object.defineProperty(parent, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
    return copy;
  });
}
