import { BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, retry, type CircuitBreakerPolicy, type RetryPolicy } from 'cockatiel';
import { request, type Dispatcher } from 'undici';

export interface SubgraphCallLimits {
  /** How long one call may take, connecting included. */
  timeoutMs: number;
  /** The largest response body read; a subgraph running away cannot fill the router's memory. */
  maxResponseBytes: number;
  /** Failed calls in a row after which the breaker opens. */
  breakerFailures: number;
  /** How long an open breaker fails calls at once before letting one through to probe. */
  breakerResetMs: number;
}

export const DEFAULT_SUBGRAPH_LIMITS = { maxResponseBytes: 10 * 1024 * 1024, breakerFailures: 5, breakerResetMs: 10_000 } satisfies Omit<SubgraphCallLimits, 'timeoutMs'>;

export type FailureReason = 'unreachable' | 'timeout' | 'too-large' | 'breaker-open';

/**
 * A call that got no answer worth reading: these, and only these, count against the breaker (an
 * answer with errors in it is an answer).
 */
export class SubgraphCallFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    options?: ErrorOptions,
  ) {
    super(`subgraph call failed: ${reason}`, options);
  }
}

const CONNECTION_FAILURES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
/** A TLS handshake that failed: a certificate not trusted, expired or for another name. */
const TLS_FAILURE = /^ERR_(TLS|SSL)_|CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Calls to one subgraph, over undici's pooled keep-alive connections (http: and https:). Each
 * call has a deadline and a response size cap; a per-subgraph breaker opens after consecutive
 * failures and then fails calls at once, letting one through now and then to see whether the
 * subgraph is back; a query whose connection was refused or reset is tried once more (a mutation
 * never: it may have been applied).
 */
export class SubgraphClient {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly retryOnce: RetryPolicy;

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly limits: SubgraphCallLimits,
  ) {
    const failed = handleWhen((error) => error instanceof SubgraphCallFailure);
    this.breaker = circuitBreaker(failed, { halfOpenAfter: limits.breakerResetMs, breaker: new ConsecutiveBreaker(limits.breakerFailures) });
    this.retryOnce = retry(
      handleWhen((error) => error instanceof SubgraphCallFailure && error.reason === 'unreachable'),
      { maxAttempts: 1 },
    );
  }

  get state(): 'closed' | 'open' | 'half-open' {
    const state = this.breaker.state;
    return state === CircuitState.Closed ? 'closed' : state === CircuitState.HalfOpen ? 'half-open' : 'open';
  }

  /** Runs one call through the breaker, and, if it may be repeated, once more after a refused connection. */
  async run<T>(repeatable: boolean, call: () => Promise<T>): Promise<T> {
    const guarded = () =>
      this.breaker.execute(call).catch((error: unknown) => {
        throw error instanceof BrokenCircuitError ? new SubgraphCallFailure('breaker-open', { cause: error }) : error;
      });
    return repeatable ? this.retryOnce.execute(guarded) : guarded();
  }

  /** One HTTP call, its whole answer read (up to the size cap). */
  fetch = async (url: string, init: FetchInit = {}): Promise<SubgraphResponse> => {
    try {
      const response = await request(url, {
        dispatcher: this.dispatcher,
        method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: init.headers ?? {},
        body: init.body ?? null,
        signal: AbortSignal.timeout(this.limits.timeoutMs),
      });
      const declared = Number(response.headers['content-length'] ?? 0);
      if (declared > this.limits.maxResponseBytes) {
        response.body.destroy();
        throw new SubgraphCallFailure('too-large');
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > this.limits.maxResponseBytes) {
          response.body.destroy();
          throw new SubgraphCallFailure('too-large');
        }
        chunks.push(chunk as Buffer);
      }
      return new SubgraphResponse(url, response.statusCode, response.headers, Buffer.concat(chunks).toString('utf8'));
    } catch (error) {
      if (error instanceof SubgraphCallFailure) throw error;
      const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
      throw new SubgraphCallFailure(code && (CONNECTION_FAILURES.has(code) || TLS_FAILURE.test(code)) ? 'unreachable' : 'timeout', { cause: error });
    }
  };
}

/** A subgraph's answer, read whole: status, headers, body. */
export class SubgraphResponse {
  readonly statusText = '';
  readonly headers: { get(name: string): string | null };

  constructor(
    readonly url: string,
    readonly status: number,
    raw: Record<string, string | string[] | undefined>,
    private readonly body: string,
  ) {
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
