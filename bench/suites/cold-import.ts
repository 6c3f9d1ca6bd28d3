/**
 * Server cold import: a fresh `node` process imports the built package (its `node` export condition, what a merchant's
 * server loads) and reports how long the import took, against a fresh process importing axios + zod, the heavy
 * dependencies any such SDK brings. Node's own start-up is outside the timed span for both. Per round, one process of
 * each, the order rotating; the figure is the median of per-round time ratios (lower is better).
 */
import { execFile } from 'node:child_process';
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

/** Milliseconds a fresh process spends importing `specifiers` (one after the other, as one module graph). */
async function importMs(specifiers: readonly string[]): Promise<number> {
  const code = [
    'const start = process.hrtime.bigint();',
    ...specifiers.map((specifier) => `await import(${JSON.stringify(specifier)});`),
    'process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));',
  ].join('\n');
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: repoRoot });
  const ms = Number(stdout);
  if (!Number.isFinite(ms)) throw new Error(`unexpected output ${stdout.slice(0, 80)}`);
  return ms;
}

const msText = (ms: number): string => `${ms.toFixed(1)} ms`;

export const coldImportSuite: Suite = {
  id: 'import',
  title: 'Server cold import (fresh process)',
  metric: 'import time vs baseline, lower is better',
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
    });
    rows.sort((a, b) => (a.role === b.role ? 0 : a.role === 'case' ? -1 : 1));
    return { baselineAbsolute: msText(median(base)), rows };
  },
};
