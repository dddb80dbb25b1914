import { performance } from "node:perf_hooks";

export type Timing = { p50: number; p95: number; runs: number };

/** Runs `work` `warmup` times untimed, then `runs` times timed one after another (no overlap). */
export async function timeRuns(work: () => Promise<unknown>, options: { warmup: number; runs: number }): Promise<Timing> {
  for (let index = 0; index < options.warmup; index += 1) await work();
  const samples: number[] = [];
  for (let index = 0; index < options.runs; index += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), runs: samples.length };
}

export function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = (sorted.length - 1) * fraction;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}

export function count(value: number): string {
  return value.toLocaleString("en-US");
}

export async function elapsed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}
