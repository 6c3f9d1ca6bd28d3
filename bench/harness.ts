/**
 * The ratio harness. A shared 2-core machine makes absolute timings meaningless (the same loop runs 2x faster or
 * slower from one minute to the next), so every figure is a ratio against a baseline measured in the same process:
 * each round times every contender once, the order rotating from round to round, and the reported figure is the
 * median of the per-round ratios, with their min and max.
 */

/** One operation; called once per iteration, synchronous or returning a promise. */
export type Operation = () => unknown;

/** Median, min and max of the per-round ratios. */
export interface RatioStats {
  median: number;
  min: number;
  max: number;
  rounds: number;
}

/** How long to measure. */
export interface Settings {
  rounds: number;
  /** Target duration of one sample (one contender, one round). */
  sampleMs: number;
  /** Time each operation runs before calibration (JIT, caches, lazily built key handles). */
  warmupMs: number;
}

const now = (): bigint => process.hrtime.bigint();
const elapsedMs = (start: bigint): number => Number(now() - start) / 1e6;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function summarize(ratios: readonly number[]): RatioStats {
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), rounds: ratios.length };
}

/** Run `n` iterations and return the elapsed nanoseconds. A sync operation is not awaited (no microtask per call). */
async function timeIterations(op: Operation, isAsync: boolean, n: number): Promise<number> {
  const start = now();
  if (isAsync) for (let i = 0; i < n; i++) await op();
  else for (let i = 0; i < n; i++) op();
  return Number(now() - start);
}

/** A sampler: measures once and returns a value (throughput, or a duration for the import suite). */
export type Sampler = () => Promise<number>;

/**
 * Run `rounds` rounds over the samplers, rotating the order each round so that no contender always runs first
 * (or right after a garbage collection of another). Returns the values per sampler, in round order.
 */
export async function alternate(rounds: number, samplers: readonly Sampler[]): Promise<number[][]> {
  const values: number[][] = samplers.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < samplers.length; k++) {
      const index = (round + k) % samplers.length;
      (values[index] as number[]).push(await (samplers[index] as Sampler)());
    }
  }
  return values;
}

/** Warm an operation up, then find the iteration count for one sample of about `sampleMs`; returns a throughput sampler. */
export async function throughputSampler(op: Operation, settings: Settings): Promise<Sampler> {
  const first = op() as { then?: unknown } | undefined;
  const isAsync = typeof first?.then === 'function';
  if (isAsync) await first;
  const warm = now();
  while (elapsedMs(warm) < settings.warmupMs) await timeIterations(op, isAsync, 1);
  let n = 1;
  let ns = await timeIterations(op, isAsync, n);
  while (ns < (settings.sampleMs * 1e6) / 8) {
    n *= 2;
    ns = await timeIterations(op, isAsync, n);
  }
  const iterations = Math.max(1, Math.round((n * settings.sampleMs * 1e6) / ns));
  return async () => iterations / ((await timeIterations(op, isAsync, iterations)) / 1e9);
}

/** Per-round throughput ratios of each contender against the baseline (index 0), plus median ops/s of each. */
export async function throughputRatios(baseline: Operation, contenders: readonly Operation[], settings: Settings): Promise<{ ratios: RatioStats[]; opsPerSecond: number[] }> {
  const samplers: Sampler[] = [];
  for (const op of [baseline, ...contenders]) samplers.push(await throughputSampler(op, settings));
  const values = await alternate(settings.rounds, samplers);
  const base = values[0] as number[];
  return {
    ratios: values.slice(1).map((series) => summarize(series.map((value, round) => value / (base[round] as number)))),
    opsPerSecond: values.map(median),
  };
}
