#!/usr/bin/env node
/**
 * `payweave-sandbox`: start the sandbox over HTTP and print its URL; Ctrl-C (SIGINT) or SIGTERM stops it cleanly.
 *   payweave-sandbox [--port 4010] [--host 127.0.0.1] [--time-scale 0.001] [--public-url http://sandbox:4010]
 */
import process from 'node:process';
// `.js` suffix: tsx cannot resolve an extensionless `./x.node` specifier (it takes `.node` for a native addon).
import { parseCliArgs, USAGE } from './cli-args.node.js';
import { createSandbox, type AnyGateway } from './index';

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if ('help' in parsed) {
    process.stdout.write(USAGE);
    return;
  }
  if ('error' in parsed) {
    process.stderr.write(`payweave-sandbox: ${parsed.error}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const sandbox = createSandbox({ timeScale: parsed.timeScale });
  const server = await sandbox.listen({ port: parsed.port, host: parsed.host, ...(parsed.publicUrl ? { publicUrl: parsed.publicUrl } : {}) });
  process.stdout.write(`payweave sandbox listening on ${server.url}\n`);
  const gateways: readonly AnyGateway[] = sandbox.gateways;
  const emulated = gateways.map((gateway) => `${gateway.provider} (${server.url}${gateway.basePath})`);
  process.stdout.write(emulated.length ? `emulating: ${emulated.join(', ')}\n` : 'no gateway emulators are registered yet\n');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A terminal's Ctrl-C can reach us twice (directly and relayed by a wrapper such as tsx or npm): stop once.
    if (stopping) return;
    stopping = true;
    process.stdout.write(`payweave sandbox stopping (${signal})\n`);
    sandbox.close().then(
      () => process.stdout.write('payweave sandbox stopped\n'),
      (error: unknown) => {
        process.stderr.write(`payweave-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`payweave-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
