/**
 * Run the IAP server: `npx tsx examples/iap-server/src/main.ts` from the repository root, with a sandbox running
 * (`npx payweave-sandbox`, then PAYWEAVE_SANDBOX_URL=http://127.0.0.1:4010) or real APPLE_* settings (README).
 */
import { startIapServer } from './server';

const iap = await startIapServer().catch((error: unknown) => {
  console.error(`[iap] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
console.log(`payweave IAP server listening on ${iap.url} (${iap.mode === 'live' ? 'App Store' : 'sandbox App Store'})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void iap.close().then(() => process.exit(0));
  });
}
