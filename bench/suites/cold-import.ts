/**
 * Server cold import: a fresh `node` process imports the built package (its `node` export condition, what a merchant's
 * server loads) and reports the CPU time the import took, against a fresh process importing axios + zod, the heavy
 * dependencies any such SDK brings. Node's own start-up is outside the measured span for both. Per round, one process
 * of each, the order rotating; the figure is the median of per-round ratios (lower is better).
 */
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { alternate, median, summarize } from '../harness';
import { reason } from '../throughput';
import { judged, unavailable, type Row, type Suite } from '../types';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const run = promisify(execFile);
const BUDGET = { op: '<=' as const, value: 1.15, unit: 'x' as const };

/**
 * CPU milliseconds (user + system, all threads) a fresh process spends importing `specifiers`, one after the other.
 * CPU time rather than wall time: on a busy machine the wall time of a 300 ms import swings by 2x with the scheduler,
 * its CPU time by about 20%.
 */
async function importMs(specifiers: readonly string[]): Promise<number> {
  const code = [
    'const start = process.cpuUsage();',
    ...specifiers.map((specifier) => `await import(${JSON.stringify(specifier)});`),
    'const used = process.cpuUsage(start);',
    'process.stdout.write(String((used.user + used.system) / 1000));',
  ].join('\n');
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: repoRoot });
  const ms = Number(stdout);
  if (!Number.isFinite(ms)) throw new Error(`unexpected output ${stdout.slice(0, 80)}`);
  return ms;
}

const msText = (ms: number): string => `${ms.toFixed(0)} ms cpu`;

/** Newest modification time of the non-test sources under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.includes('.test.')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** A note when the measured build is older than the sources: the figure is then about yesterday's code. */
function staleBuildNote(): string | undefined {
  try {
    const built = statSync(join(repoRoot, 'packages', 'server', 'dist', 'index.node.js')).mtimeMs;
    const sources = Math.max(newestSource(join(repoRoot, 'packages', 'server', 'src')), newestSource(join(repoRoot, 'packages', 'core', 'src')));
    return sources > built ? 'dist is older than src: npm run build for a current figure' : undefined;
  } catch {
    return undefined;
  }
}

export const coldImportSuite: Suite = {
  id: 'import',
  title: 'Server cold import (fresh process)',
  metric: 'import CPU time vs baseline, lower is better',
  baseline: "import('axios') + import('zod')",
  checkedInCi: true,
  async run(settings) {
    const baseline = () => importMs(['axios', 'zod']);
    const contenders: { name: string; role: Row['role']; sample: () => Promise<number> }[] = [];
    const rows: Row[] = [];
    for (const [name, role, specifiers] of [
      ["import('@payweave/server') (dist, node entry)", 'case', ['@payweave/server']],
      ["import('alipay-sdk')", 'peer', ['alipay-sdk']],
    ] as const) {
      try {
        await importMs(specifiers); // also warms the file cache
        contenders.push({ name, role, sample: () => importMs(specifiers) });
      } catch (error) {
        const hint = role === 'case' ? 'run npm run build first: ' : '';
        rows.push(...unavailable([name], `n/a (${hint}${reason(error).replace(/^Error: /, '').slice(0, 90)})`, role, role === 'case' ? BUDGET : undefined));
      }
    }
    await baseline();
    const values = await alternate(settings.importRounds, [baseline, ...contenders.map((c) => c.sample)]);
    const base = values[0]!;
    contenders.forEach((contender, index) => {
      const series = values[index + 1]!;
      const ratio = summarize(series.map((ms, round) => ms / base[round]!));
      rows.push(
        judged({
          name: contender.name,
          role: contender.role,
          ratio,
          absolute: msText(median(series)),
          ...(contender.role === 'case' ? { budget: BUDGET, measured: ratio.median } : {}),
        }),
      );
      const stale = contender.role === 'case' ? staleBuildNote() : undefined;
      if (stale) rows[rows.length - 1]!.note = stale;
    });
    rows.sort((a, b) => (a.role === b.role ? 0 : a.role === 'case' ? -1 : 1));
    return { baselineAbsolute: msText(median(base)), rows };
  },
};
