/**
 * Client bundle size (minified ESM for the browser, gzip -9, axios external), from scripts/client-size.mjs --json, the
 * same measurement `npm run size` makes. Baseline: a hand-written ~50-line fetch client bundled the same way. Sizes are
 * deterministic, so these budgets are checked in CI.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { judged, unavailable, type Budget, type Row, type Suite } from '../types';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const kb = (bytes: number): number => bytes / 1024;
/**
 * The 3 KB budget of createPayClient + one surface launcher is not met (3.1-3.5 KB; the analysis is in bench/README.md,
 * "Open budgets"). Until it is, `--check` holds every such entry to this ceiling, so none can grow unnoticed.
 */
const SURFACE_CEILING_KB = 3.6;
const bytesText = (bytes: number): string => `${kb(bytes).toFixed(2)} KB`;

interface SizeResult {
  name: string;
  /** `all`: every launcher; `surface`: createPayClient + one surface's launcher; `provider`: + a provider module. */
  kind: 'all' | 'surface' | 'provider';
  gzip: number;
  budget: number;
  zod: boolean;
}

/** Minified + gzipped size of an entry, with the options scripts/client-size.mjs uses. */
async function gzipSize(entry: { path: string } | { contents: string }): Promise<number> {
  const result = await build({
    ...('path' in entry ? { entryPoints: [entry.path] } : { stdin: { contents: entry.contents, resolveDir: repoRoot, loader: 'js' } }),
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: ['axios'],
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

async function clientSizes(): Promise<SizeResult[]> {
  // client-size.mjs exits 1 when zod got into a bundle, with the JSON on stdout all the same.
  const run = promisify(execFile)(process.execPath, [join(repoRoot, 'scripts', 'client-size.mjs'), '--json'], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
  const { stdout } = await run.catch((error: { stdout?: string }) => {
    if (error.stdout) return { stdout: error.stdout };
    throw error;
  });
  return (JSON.parse(stdout) as { results: SizeResult[] }).results;
}

async function peerRow(baseline: number): Promise<Row> {
  let entry: string;
  try {
    entry = createRequire(join(repoRoot, 'package.json')).resolve('pingpp-js');
  } catch {
    return unavailable(['pingpp-js'], 'n/a (not installed)', 'peer')[0]!;
  }
  const size = await gzipSize({ path: entry });
  return { name: 'pingpp-js', role: 'peer', ratio: { median: size / baseline, min: size / baseline, max: size / baseline, rounds: 1 }, absolute: bytesText(size), status: 'info' };
}

export const clientSizeSuite: Suite = {
  id: 'size',
  title: 'Client bundle size (min+gz)',
  metric: 'bytes vs baseline, lower is better; budgets in KB',
  baseline: '50-line fetch client (bench/baseline/fetch-client.ts)',
  checkedInCi: true,
  async run() {
    const baseline = await gzipSize({ path: join(here, '..', 'baseline', 'fetch-client.ts') });
    let results: SizeResult[];
    try {
      results = await clientSizes();
    } catch (error) {
      return { baselineAbsolute: bytesText(baseline), rows: unavailable(['@payweave/client'], `n/a (scripts/client-size.mjs failed: ${String(error).slice(0, 100)})`, 'case', { op: '<=', value: 6, unit: 'KB' }) };
    }
    const rows: Row[] = results.map((result) => {
      const budget: Budget = { op: '<=', value: result.budget / 1024, unit: 'KB', ...(result.kind === 'surface' && { ceiling: SURFACE_CEILING_KB }) };
      const ratio = result.gzip / baseline;
      const row = judged({ name: result.name, role: 'case', ratio: { median: ratio, min: ratio, max: ratio, rounds: 1 }, absolute: bytesText(result.gzip), budget, measured: kb(result.gzip) });
      return result.zod ? { ...row, status: 'FAIL', note: 'zod is bundled' } : row;
    });
    rows.push(await peerRow(baseline));
    return { baselineAbsolute: bytesText(baseline), rows };
  },
};
