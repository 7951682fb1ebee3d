import type { Stack } from '../stack/stack.js';

/**
 * A counter from the in-process stack's metrics, by its `service` label (`''` for an unlabelled
 * counter). Every service of one process shares the registry the router serves.
 */
export async function counterValues(stack: Stack, name: string): Promise<Record<string, number>> {
  const text = await fetch(stack.metricsUrl!).then((response) => response.text());
  const values: Record<string, number> = {};
  for (const match of text.matchAll(new RegExp(`^${name}(?:\\{service="(\\w+)"\\})? (\\d+)`, 'gm'))) values[match[1] ?? ''] = Number(match[2]);
  return values;
}

/** `after - before` for every label either has. */
export function difference(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys({ ...before, ...after }).map((label) => [label, (after[label] ?? 0) - (before[label] ?? 0)]));
}
