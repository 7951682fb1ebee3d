/**
 * The sum of a metric's samples whose labels include `labels`, from a Prometheus text page
 * (`carrel_graphql_errors_total`, `{ code: 'FORBIDDEN' }`; a histogram's `..._count` likewise).
 */
export async function metricSum(metricsUrl: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await fetch(metricsUrl).then((response) => response.text());
  let sum = 0;
  for (const [, labelText = '', value] of text.matchAll(new RegExp(`^${name}(?:\\{([^}]*)\\})? (\\S+)$`, 'gm'))) {
    const sample = Object.fromEntries([...labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, text]) => [key, text]));
    if (Object.entries(labels).every(([key, wanted]) => sample[key] === wanted)) sum += Number(value);
  }
  return sum;
}
