// The edge-runtime environment of vitest still exposes Node's Buffer; edge platforms do not. Remove it so that a
// stray `Buffer` in portable server code fails its test here rather than in a merchant's deploy.
delete (globalThis as { Buffer?: unknown }).Buffer;
