/**
 * A counter's values by their `service` label (`''` for an unlabelled counter), summed over the
 * metrics pages given: one in-process stack's shared registry, or each process's own.
 */
export async function counterValues(metricsUrls: readonly string[], name: string): Promise<Record<string, number>> {
  const values: Record<string, number> = {};
  for (const url of metricsUrls) {
    const text = await fetch(url).then((response) => response.text());
    for (const match of text.matchAll(new RegExp(`^${name}(?:\\{service="(\\w+)"\\})? (\\d+)`, 'gm'))) values[match[1] ?? ''] = (values[match[1] ?? ''] ?? 0) + Number(match[2]);
  }
  return values;
}

/** `after - before` for every label either has. */
export function difference(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys({ ...before, ...after }).map((label) => [label, (after[label] ?? 0) - (before[label] ?? 0)]));
}
