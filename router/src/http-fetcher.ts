import http from 'node:http';

export interface FetcherInit {
  method?: string;
  headers?: Record<string, string> | Headers | [string, string][];
  body?: string;
}

/**
 * A fetch for subgraph calls on node:http with a keep-alive agent. Node 20's global fetch
 * (undici behind WHATWG streams) cost more per call than the subgraph took to answer, which
 * showed up as the router's whole overhead in `npm run bench`.
 */
export function keepAliveFetcher(timeoutMs: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, scheduling: 'lifo' });
  return (url: string, init: FetcherInit = {}): Promise<SubgraphResponse> =>
    new Promise((resolve, reject) => {
      const headers = init.headers instanceof Headers ? Object.fromEntries(init.headers) : Array.isArray(init.headers) ? Object.fromEntries(init.headers) : (init.headers ?? {});
      const request = http.request(url, { method: init.method ?? 'GET', headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(new SubgraphResponse(url, response, Buffer.concat(chunks).toString('utf8'))));
        response.on('error', reject);
      });
      const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      request.on('close', () => clearTimeout(deadline));
      request.on('error', reject);
      request.end(init.body);
    });
}

/**
 * The part of a fetch Response the gateway reads (status, headers, body), without building
 * WHATWG Headers and streams for every subgraph call.
 */
class SubgraphResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };

  constructor(
    readonly url: string,
    response: http.IncomingMessage,
    private readonly body: string,
  ) {
    this.status = response.statusCode ?? 500;
    this.statusText = response.statusMessage ?? '';
    const raw = response.headers;
    this.headers = {
      get: (name) => {
        const value = raw[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    };
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
}
