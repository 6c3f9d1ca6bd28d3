#!/usr/bin/env node
/**
 * `npm run example`: start the payweave sandbox from the TypeScript sources (no build needed) and say what to open.
 * Extra arguments go to the sandbox command, e.g. `npm run example -- --port 4020 --time-scale 0.001`.
 * Ctrl-C stops it cleanly. (The checkout example joins this script later.)
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const cli = fileURLToPath(new URL('../packages/sandbox/src/cli.node.ts', import.meta.url));
const args = process.argv.slice(2);

// cwd = repo root: tsx then reads the root tsconfig.json, whose paths map @payweave/* to their sources.
const child = spawn(process.execPath, [tsxCli, cli, ...(args.includes('--port') ? [] : ['--port', '4010']), ...args], {
  cwd: repoRoot,
  stdio: ['inherit', 'pipe', 'inherit'],
});

let announced = false;
child.stdout.setEncoding('utf8');
child.stdout.on('data', (text) => {
  process.stdout.write(text);
  const match = /payweave sandbox listening on (\S+)/.exec(text);
  if (match && !announced) {
    announced = true;
    process.stdout.write(`\nOpen ${match[1]}/ in your browser: the sandbox index lists the emulated gateways, orders and notifications.\n`);
    process.stdout.write('Press Ctrl-C to stop.\n\n');
  }
});

// Ctrl-C in a terminal reaches the whole process group; forwarding is for signals sent to this process alone
// (the sandbox command stops once, however many signals it gets).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}

child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
