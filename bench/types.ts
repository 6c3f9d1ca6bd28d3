/** The shapes shared by the suites, the runner and the report. */
import type { RatioStats, Settings } from './harness';

/** PASS/FAIL against a budget; `info` for figures without one (peers); `n/a` when the case could not run. */
export type Status = 'PASS' | 'FAIL' | 'info' | 'n/a';

/** A budget: the figure must be `>=` or `<=` the value. */
export interface Budget {
  op: '>=' | '<=';
  value: number;
  /** `x`: a ratio against the baseline; `KB`: an absolute size (1 KB = 1024 bytes). */
  unit: 'x' | 'KB';
  /**
   * For a budget not met yet (an open item, reported as FAIL): the looser limit `--check` enforces meanwhile, in the
   * same unit and direction, so that the figure cannot get worse unnoticed.
   */
  ceiling?: number;
}

/** True when a FAIL row still holds its budget's `ceiling` (the budget is open, the figure did not regress). */
export function withinCeiling(row: Row): boolean {
  const { budget, measured } = row;
  if (budget?.ceiling === undefined || measured === undefined) return false;
  return budget.op === '<=' ? measured <= budget.ceiling : measured >= budget.ceiling;
}

/**
 * One line of the table, measured against the suite's baseline: a payweave case, a peer SDK, or a reference (`ref`:
 * the least correct implementation of a step the baseline leaves out, such as a durable write).
 */
export interface Row {
  name: string;
  role: 'case' | 'peer' | 'ref';
  ratio?: RatioStats;
  /** Absolute figure for context only (ops/s, KB, ms): it moves with the machine's load, the ratio much less. */
  absolute?: string;
  budget?: Budget;
  /** What the budget is compared with: the median ratio (unit x) or the size (unit KB). */
  measured?: number;
  status: Status;
  note?: string;
}

/** What a suite's run returns. */
export interface SuiteOutput {
  baselineAbsolute?: string;
  rows: Row[];
}

/** Run settings: the harness settings plus the batch sizes of the process-level suites. */
export interface RunSettings extends Settings {
  quick: boolean;
  /** HTTP suite: requests per sample. */
  httpBatch: number;
  /** Cold-import suite: child processes per contender. */
  importRounds: number;
}

/** A group of cases sharing one baseline. */
export interface Suite {
  id: string;
  title: string;
  /** How to read the ratio column for this suite. */
  metric: string;
  baseline: string;
  /** Budgets enforced by `--check` without `--all` (stable figures: sizes and import time). */
  checkedInCi: boolean;
  run(settings: RunSettings): Promise<SuiteOutput>;
}

/** A row whose status follows from its budget. */
export function judged(row: Omit<Row, 'status'>): Row {
  if (!row.budget || row.measured === undefined) return { ...row, status: 'info' };
  const ok = row.budget.op === '>=' ? row.measured >= row.budget.value : row.measured <= row.budget.value;
  const judgedRow: Row = { ...row, status: ok ? 'PASS' : 'FAIL' };
  if (ok || row.budget.ceiling === undefined) return judgedRow;
  const unit = row.budget.unit === 'KB' ? ' KB' : '';
  const held = withinCeiling(judgedRow) ? 'open; --check holds it to' : 'over the';
  return { ...judgedRow, note: `${held} ${row.budget.op} ${row.budget.ceiling}${unit} ceiling` };
}

/** Rows for cases that could not run (a channel still being written, a peer not installed). */
export function unavailable(names: readonly string[], note: string, role: Row['role'] = 'case', budget?: Budget): Row[] {
  return names.map((name) => ({ name, role, status: 'n/a', note, ...(budget ? { budget } : {}) }));
}

/** `12.3k ops/s`. */
export function opsPerSecond(value: number | undefined): string | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return value >= 10_000 ? `${(value / 1000).toFixed(0)}k ops/s` : value >= 1000 ? `${(value / 1000).toFixed(1)}k ops/s` : `${value.toFixed(0)} ops/s`;
}
