/** Throughput suites: check every contender once, then measure them all against the baseline in the same rounds. */
import { throughputRatios, type Operation } from './harness';
import { judged, opsPerSecond, type Budget, type Row, type RunSettings, type SuiteOutput } from './types';

/** A payweave case or a peer SDK call. `expect` checks one result before measuring (a benchmark of a failure is worthless). */
export interface Contender {
  name: string;
  role: Row['role'];
  op: Operation;
  expect: (result: unknown) => boolean;
  budget?: Budget;
}

/** The cheapest correct node:crypto call for the same work, on a pre-imported KeyObject and a prebuilt input. */
export interface Baseline {
  op: () => unknown;
  expect: (result: unknown) => boolean;
}

/** A contender, or the row that says why it could not run. */
export type Entry = Contender | Row;

const isContender = (entry: Entry): entry is Contender => 'op' in entry;

/** The first line of an error, without anything that could be a key (messages of our errors never carry one). */
export function reason(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0]!.slice(0, 120);
}

async function firstResultFails(contender: Contender): Promise<string | undefined> {
  try {
    return contender.expect(await contender.op()) ? undefined : 'n/a (unexpected result on the check call)';
  } catch (error) {
    return `n/a (${reason(error)})`;
  }
}

/** Measure the runnable contenders against `baseline`; unrunnable ones keep their `n/a` row. */
export async function measureThroughput(baseline: Baseline, entries: readonly Entry[], settings: RunSettings): Promise<SuiteOutput> {
  if (!baseline.expect(baseline.op())) throw new Error('the baseline gave a wrong result on its own prebuilt input: the suite setup is wrong');
  const rows: (Row | Contender)[] = [];
  for (const entry of entries) {
    if (!isContender(entry)) {
      rows.push(entry);
      continue;
    }
    const failure = await firstResultFails(entry);
    rows.push(failure ? { name: entry.name, role: entry.role, status: 'n/a', note: failure, ...(entry.budget ? { budget: entry.budget } : {}) } : entry);
  }
  const runnable = rows.filter(isContender);
  if (runnable.length === 0) return { rows: rows as Row[] };
  const { ratios, opsPerSecond: ops } = await throughputRatios(baseline.op, runnable.map((c) => c.op), settings);
  return {
    baselineAbsolute: opsPerSecond(ops[0]),
    rows: rows.map((entry) => {
      if (!isContender(entry)) return entry;
      const index = runnable.indexOf(entry);
      const ratio = ratios[index]!;
      return judged({
        name: entry.name,
        role: entry.role,
        ratio,
        absolute: opsPerSecond(ops[index + 1]),
        ...(entry.budget ? { budget: entry.budget, measured: ratio.median } : {}),
      });
    }),
  };
}

/** A `>= value` ratio budget. */
export const atLeast = (value: number): Budget => ({ op: '>=', value, unit: 'x' });
