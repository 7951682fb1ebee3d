import autocannon from 'autocannon';

/** The one-hop query the router's own cost is measured on: one subgraph answers all of it. */
export const ME_QUERY = '{ me { id email displayName role } }';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/**
 * autocannon: a maintained HTTP load generator with HDR histograms, rather than a hand-rolled loop.
 * `perRequestHeaders` adds headers of its own to every request (a client address, say).
 */
export async function load(url: string, body: string, token: string, seconds: number, connections: number, perRequestHeaders?: () => Record<string, string>): Promise<LoadResult> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const result = await autocannon({
    url,
    method: 'POST',
    headers,
    body,
    duration: seconds,
    connections,
    ...(perRequestHeaders ? { requests: [{ setupRequest: (request) => ({ ...request, headers: { ...headers, ...perRequestHeaders() } }) }] } : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/**
 * The router's cost for a single-subgraph query: the same operation against the users subgraph
 * directly and through the router, in alternating rounds so both see the same machine state.
 */
export async function measureRouterOverhead(options: { routerUrl: string; subgraphUrl: string; token: string; rounds: number; seconds: number; connections: number }) {
  const body = JSON.stringify({ query: ME_QUERY });
  const direct: LoadResult[] = [];
  const routed: LoadResult[] = [];
  await load(options.routerUrl, body, options.token, 1, options.connections);
  for (let round = 0; round < options.rounds; round++) {
    direct.push(await load(options.subgraphUrl, body, options.token, options.seconds, options.connections));
    routed.push(await load(options.routerUrl, body, options.token, options.seconds, options.connections));
  }
  return { direct: average(direct), routed: average(routed) };
}

function average(results: LoadResult[]): LoadResult {
  const mean = (pick: (result: LoadResult) => number) => results.reduce((sum, result) => sum + pick(result), 0) / results.length;
  return { requestsPerSecond: mean((r) => r.requestsPerSecond), p50: mean((r) => r.p50), p99: mean((r) => r.p99), errors: mean((r) => r.errors) };
}
