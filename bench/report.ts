/** The printed table and the JSON written to bench/results/latest.json. */
import { cpus, loadavg, availableParallelism } from 'node:os';
import { withinCeiling, type Row, type Suite, type SuiteOutput } from './types';

/** Where a run happened: without it a figure means nothing. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  loadAverage: number[];
}

export function machine(): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

/** One suite's result as reported. `checked`: its budgets are enforced by this run's `--check`. */
export interface SuiteReport extends SuiteOutput {
  id: string;
  title: string;
  metric: string;
  baseline: string;
  checked: boolean;
  error?: string;
}

const ratioText = (row: Row): string => {
  if (!row.ratio) return '';
  const { median, min, max, rounds } = row.ratio;
  // A size is measured once: no spread to show.
  return rounds === 1 ? median.toFixed(2) : `${median.toFixed(2)} [${min.toFixed(2)}-${max.toFixed(2)}]`;
};

/** PASS/FAIL (with its note, if any), the reason of an n/a, nothing for a peer. */
const statusText = (row: Row): string => {
  if (row.status === 'n/a') return row.note ?? 'n/a';
  const status = row.status === 'info' ? '' : row.status;
  return row.note ? `${status} (${row.note})`.trim() : status;
};

const budgetText = (row: Row): string => (row.budget ? `${row.budget.op} ${row.budget.value}${row.budget.unit === 'KB' ? ' KB' : ''}` : '');

const NAME_WIDTH = 66;
/** Pad to `width`, always leaving at least one space before the next column. */
const pad = (text: string, width: number): string => (text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length));

/** The table: one block per suite, the baseline first, then payweave's cases and the peers. */
export function formatTable(reports: readonly SuiteReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push('', `${report.title}  (${report.metric}${report.checked ? '; budgets checked' : ''})`);
    lines.push(`  ${pad('baseline', 9)}${pad(report.baseline, NAME_WIDTH)}${pad(report.error ? '' : '1.00', 20)}${report.baselineAbsolute ?? ''}`);
    if (report.error) lines.push(`  ERROR    ${report.error}`);
    for (const row of report.rows) {
      const status = statusText(row);
      lines.push(`  ${pad(row.role, 9)}${pad(row.name, NAME_WIDTH)}${pad(ratioText(row), 20)}${pad(row.absolute ?? '', 14)}${pad(budgetText(row), 10)}${status}`);
    }
  }
  return lines.join('\n');
}

/** The Markdown table of the README's Performance section. */
export function formatMarkdown(reports: readonly SuiteReport[]): string {
  const lines = ['| suite | line | ratio: median [min-max] | absolute | budget | result |', '|---|---|---|---|---|---|'];
  for (const report of reports) {
    lines.push(`| ${report.title} | baseline: \`${report.baseline}\` | 1.00 | ${report.baselineAbsolute ?? ''} | | |`);
    for (const row of report.rows) {
      const status = statusText(row);
      lines.push(`| | ${row.role === 'case' ? '' : `${row.role === 'ref' ? 'reference' : 'peer'}: `}${row.name.replace(/\|/g, '\\|')} | ${ratioText(row)} | ${row.absolute ?? ''} | ${budgetText(row)} | ${status} |`);
    }
  }
  return lines.join('\n');
}

/** Rows that make `--check` fail: a FAIL, or an `n/a` where the budget could not be checked at all. */
export function failures(reports: readonly SuiteReport[]): string[] {
  const failed: string[] = [];
  for (const report of reports.filter((r) => r.checked)) {
    if (report.error) failed.push(`${report.title}: ${report.error}`);
    for (const row of report.rows) {
      if ((row.status === 'FAIL' && !withinCeiling(row)) || (row.status === 'n/a' && row.role === 'case' && row.budget)) failed.push(`${report.title}: ${row.name} (${row.status})`);
    }
  }
  return failed;
}

export type { Suite };
