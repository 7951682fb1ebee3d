/** The median of a run's rounds (the upper one of an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** `median (min–max)`, each to `digits` decimals, or as they are when `digits` is left out. */
export function spread(values: number[], digits?: number): string {
  const show = (value: number) => (digits === undefined ? String(value) : value.toFixed(digits));
  return `${show(median(values))} (${show(Math.min(...values))}–${show(Math.max(...values))})`;
}

/** The `p`th percentile of `values` (0–100). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
