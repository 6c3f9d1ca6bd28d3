import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.node.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cliPath = fileURLToPath(new URL('./cli.node.ts', import.meta.url));
// `npx tsx <cli>` without npx's extra processes: node runs tsx's own CLI, which relays signals to the script.
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

let child: ChildProcessWithoutNullStreams | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** Resolves with the first stdout line matching `pattern`, and everything printed so far. */
function waitForLine(proc: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = pattern.exec(out);
      if (match) resolve(match);
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    proc.on('exit', (code) => reject(new Error(`CLI exited (${String(code)}) before printing ${String(pattern)}:\n${out}\n${err}`)));
  });
}

describe('payweave-sandbox command', () => {
  it('starts, prints its URL, serves /health, and stops cleanly on SIGTERM', async () => {
    child = spawn(process.execPath, [tsxCli, cliPath, '--port', '0'], { cwd: repoRoot });
    const proc = child;
    const output: string[] = [];
    proc.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));

    const [, url] = await waitForLine(proc, /payweave sandbox listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output.join('')).toContain('payweave sandbox stopped\n');
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }, 60_000);
});

describe('parseCliArgs', () => {
  it('applies defaults and reads every option', () => {
    expect(parseCliArgs([])).toEqual({ port: 4010, host: '127.0.0.1', timeScale: 1 });
    expect(parseCliArgs(['--port', '0', '--host', '0.0.0.0', '--time-scale', '0.001', '--public-url', 'http://sandbox:4010'])).toEqual({
      port: 0,
      host: '0.0.0.0',
      timeScale: 0.001,
      publicUrl: 'http://sandbox:4010',
    });
    expect(parseCliArgs(['-h'])).toEqual({ help: true });
  });

  it('explains bad input', () => {
    expect(parseCliArgs(['--port', 'abc'])).toEqual({ error: '--port must be an integer from 0 to 65535; got abc' });
    expect(parseCliArgs(['--time-scale', '0'])).toEqual({ error: '--time-scale must be a positive number; got 0' });
    expect(parseCliArgs(['--nope'])).toMatchObject({ error: expect.stringContaining("'--nope'") });
  });
});
