// The edge-runtime environment of vitest still exposes Node's Buffer; edge platforms do not. Make `Buffer` throw when
// portable payweave source (not a *.node.ts file, not a test) touches it, so a stray use fails here rather than in a
// merchant's edge deploy. Library code (the Request/Response polyfills) keeps working.
const realBuffer = (globalThis as { Buffer?: unknown }).Buffer;
const PORTABLE_SOURCE = /\/packages\/(core|server|client)\/src\//;
const EXEMPT = /\.node\.ts|\.test\.ts|\.contract\.ts|\/testing\//;

Object.defineProperty(globalThis, 'Buffer', {
  configurable: true,
  get() {
    const caller = (new Error().stack ?? '').split('\n')[2] ?? '';
    if (PORTABLE_SOURCE.test(caller) && !EXEMPT.test(caller)) {
      throw new ReferenceError(`Buffer is not defined on edge runtimes (used at ${caller.trim()}); use internal/encoding.ts`);
    }
    return realBuffer;
  },
});
