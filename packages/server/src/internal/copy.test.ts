import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyPlain } from './copy';

/**
 * A canonical text of plain data: key order, undefined values, -0, own "__proto__" and "constructor" keys and the
 * prototype all show (toStrictEqual compares an own "constructor" key as if it were the class).
 */
function shape(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(shape).join(',')}]`;
  const proto = Object.getPrototypeOf(value) === Object.prototype ? '' : '!';
  return `${proto}{${Object.keys(value).map((key) => `${JSON.stringify(key)}:${shape((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

/** Every object reachable from `value`. */
function objectsOf(value: unknown, seen = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    for (const key of Object.keys(value)) objectsOf((value as Record<string, unknown>)[key], seen);
  }
  return seen;
}

describe('copyPlain', () => {
  it('equals structuredClone on JSON-shaped data (undefined values and odd keys included) and shares no object with the input', () => {
    const leaf = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', '0', 'length'));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree')), fc.dictionary(key, tie('tree'))),
    }));
    fc.assert(
      fc.property(tree, (value) => {
        const copy = copyPlain(value);
        expect(shape(copy)).toBe(shape(structuredClone(value)));
        const before = objectsOf(value);
        for (const object of objectsOf(copy)) expect(before.has(object)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps an own "__proto__" key as a key, not as the prototype', () => {
    const parsed = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
    const copy = copyPlain(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ polluted: true });
  });

  it('leaves what is not plain data to structuredClone: dates, bytes, maps, class instances, sparse arrays, cycles', () => {
    class Point {
      constructor(public x: number) {}
    }
    const sparse = [1, 2, 3];
    delete sparse[1];
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const value = { at: new Date(0), bytes: new Uint8Array([1, 2]), map: new Map([['k', 1]]), point: new Point(2), sparse, cyclic };
    const copy = copyPlain(value);
    const { cyclic: _, ...rest } = copy;
    const { cyclic: __, ...expected } = structuredClone(value);
    expect(rest).toStrictEqual(expected);
    expect(copy.point).not.toBeInstanceOf(Point);
    expect(copy.at).not.toBe(value.at);
    expect(copy.at).toBeInstanceOf(Date);
    expect(copy.bytes).not.toBe(value.bytes);
    expect(1 in copy.sparse).toBe(false);
    expect(copy.cyclic).not.toBe(cyclic);
    let node = copy.cyclic;
    for (let i = 0; i < 100; i++) node = node.self as Record<string, unknown>;
    expect(node.name).toBe('loop');
  });

  it('throws what structuredClone throws for what cannot be copied', () => {
    const value = { nested: { callback: () => 1 } };
    expect(() => copyPlain(value)).toThrow(expect.objectContaining({ name: 'DataCloneError' }) as Error);
  });
});
