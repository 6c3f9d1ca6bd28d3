/**
 * Run the checkout server: `npx tsx examples/checkout/src/main.ts` from the repository root (or `npm run example`,
 * which also builds the client and starts the sandbox). Settings come from the environment: see README.md.
 */
import { startCheckoutServer } from './server';

const checkout = await startCheckoutServer().catch((error: unknown) => {
  console.error(`[checkout] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

for (const { provider, mode } of checkout.gateways.providers) console.log(`[checkout] ${provider}: ${mode === 'live' ? 'real gateway (keys from the environment)' : `sandbox at ${checkout.gateways.sandboxUrl}`}`);
for (const note of checkout.gateways.notes) console.log(`[checkout] ${note}`);
console.log(`[checkout] payment methods: ${checkout.surfaces.map((surface) => surface.channel).join(', ') || 'none'}`);
console.log(`payweave checkout listening on ${checkout.url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void checkout.close().then(() => process.exit(0));
  });
}
