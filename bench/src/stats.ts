/** Latency summary in milliseconds, from raw samples. */
export type Percentiles = { count: number; p50: number; p95: number; p99: number; max: number; mean: number };

export function percentiles(samples: ArrayLike<number>): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) =>
    sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted.length ? sorted[sorted.length - 1]! : Number.NaN),
    mean: round(sorted.length ? sum / sorted.length : Number.NaN),
  };
}

export const round = (n: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** ours / baseline, for the figures both have; what "ratio" means per figure is in the scenario's notes. */
export function ratios(ours: Record<string, unknown>, baseline: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(ours)) {
    const base = baseline[key];
    if (typeof value === 'number' && typeof base === 'number' && base !== 0 && Number.isFinite(value))
      out[key] = round(value / base, 3);
  }
  return out;
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable between processes on one machine. */
export const wallClockMs = () => performance.timeOrigin + performance.now();
