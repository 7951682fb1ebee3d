import type { IncomingMessage } from 'node:http';
import { Kind, type DocumentNode } from 'graphql';
import type { Redis } from 'ioredis';
import proxyaddr from 'proxy-addr';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../../common/errors.js';
import { MAX_OPERATION_COST } from '../../common/operations/cost.js';

export interface RateLimitSettings {
  /** Requests (HTTP operations and WebSocket connections) a minute from one client IP. */
  perIpPerMinute: number;
  /** Requests a minute by the members of one tenant, whatever their IPs. */
  perTenantPerMinute: number;
  /** Operations a minute from one client IP that check or set a password (`@credentialLimited` fields). */
  credentialsPerIpPerMinute: number;
  /**
   * What one client IP's operations may spend a minute, each charged its cost (see
   * common/operations/cost.ts) or, past the portals' pages, more (see `budgetCharge`): fifty-two of
   * the owner portal's largest page, thirty-one pages of 100 bookings with their user, seat and
   * library, seven with every field, or two of the costliest operations allowed. What another
   * tenant's p99 latency feels is how often large operations run, not their share of the CPU
   * (measured: docs/architecture.md).
   */
  costPerIpPerMinute: number;
  /** Proxies (IPs or CIDRs) whose X-Forwarded-For is believed; none by default, so the socket's address counts. */
  trustedProxies: readonly string[];
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = { perIpPerMinute: 100, perTenantPerMinute: 6_000, credentialsPerIpPerMinute: 10, costPerIpPerMinute: 60_000, trustedProxies: [] };

type Bucket = 'ip' | 'tenant' | 'credentials' | 'cost' | 'costBurst';

/** The portals' largest operation costs 1,151: a page of 50 bookings with their user, seat and library. */
const PORTAL_PAGE_COST = 1_200;

/**
 * What an operation spends of its client's budget: its cost, up to a portal page's; past that, its
 * cost times how many portal pages it is, so the costliest operation allowed (5,000) spends about
 * 21,000. A large operation holds a process for as long as it runs, and another tenant's requests
 * that arrive meanwhile wait: the longer the stall, the more of them wait, and the longer each
 * does. Its toll on their p99 latency grows with the square of its cost, not with its cost, and
 * so does its charge, while the pages a portal asks for are charged no more than they cost.
 */
export const budgetCharge = (cost: number) => (cost <= PORTAL_PAGE_COST ? cost : Math.ceil((cost * cost) / PORTAL_PAGE_COST));

/**
 * The budget is also spent at most a third at a time, over twenty seconds (never less than one
 * operation of the largest cost allowed): the costliest operations then come at most one in 20
 * seconds, so another tenant meets their stalls one at a time, and a client cannot spend a
 * minute's budget in its first second. The pages of a portal's user, a second or more apart, stay
 * far below it.
 */
const COST_BURST_SECONDS = 20;
const costBurstPoints = (costPerMinute: number) =>
  Math.max(budgetCharge(MAX_OPERATION_COST), Math.ceil((costPerMinute * COST_BURST_SECONDS) / 60));

/**
 * The router's request limits (rate-limiter-flexible): counted in Redis when the deployment has
 * one, so every replica shares the count, with a count in memory standing in while Redis is
 * down; in memory on the embedded default. Over a limit the answer is RATE_LIMITED with the
 * seconds to wait.
 */
export class RateLimits {
  private readonly limiters: Record<Bucket, RateLimiterAbstract>;
  private readonly trust: ReturnType<typeof proxyaddr.compile>;

  /** `redis`: the router's fail-fast connection (see router-redis.ts); while it is down, the memory limiter answers instead. */
  constructor(settings: RateLimitSettings, redis?: { client: Redis; keyPrefix: string }) {
    this.trust = proxyaddr.compile([...settings.trustedProxies]);
    const limiter = (bucket: Bucket, points: number, duration = 60): RateLimiterAbstract => {
      const options = { points, duration, keyPrefix: `rate:${bucket}` };
      return redis
        ? new RateLimiterRedis({
            ...options,
            keyPrefix: `${redis.keyPrefix}${options.keyPrefix}`,
            storeClient: redis.client,
            insuranceLimiter: new RateLimiterMemory(options),
            // Once a key is refused, this replica refuses it from memory until its window ends, as
            // Redis would: a client ignoring 429s costs no Redis round trip per request.
            inMemoryBlockOnConsumed: points + 1,
          })
        : new RateLimiterMemory(options);
    };
    this.limiters = {
      ip: limiter('ip', settings.perIpPerMinute),
      tenant: limiter('tenant', settings.perTenantPerMinute),
      credentials: limiter('credentials', settings.credentialsPerIpPerMinute),
      cost: limiter('cost', settings.costPerIpPerMinute),
      costBurst: limiter('costBurst', costBurstPoints(settings.costPerIpPerMinute), COST_BURST_SECONDS),
    };
  }

  /** The client's IP: the socket's, or the one a trusted proxy says it forwarded for. */
  clientIp = (request: IncomingMessage): string => proxyaddr(request, this.trust);

  /** Charges an operation to a client IP's budget, as `budgetCharge` says: the minute's, and the few seconds' (see COST_BURST_SECONDS). */
  async chargeCost(clientIp: string, cost: number): Promise<void> {
    const charge = budgetCharge(cost);
    await this.consume('costBurst', clientIp, charge);
    await this.consume('cost', clientIp, charge);
  }

  /** Counts `points` (one request, unless told) against `key`'s limit of `bucket`; throws RATE_LIMITED (with its wait) when over. */
  async consume(bucket: Bucket, key: string, points = 1): Promise<void> {
    try {
      await this.limiters[bucket].consume(key, points);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      throw rateLimited(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    }
  }
}

/** The Mutation fields of a supergraph marked `@credentialLimited`. */
export function credentialLimitedFields(supergraph: DocumentNode): Set<string> {
  const fields = new Set<string>();
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== 'Mutation') continue;
    for (const field of definition.fields ?? []) {
      if (field.directives?.some((directive) => directive.name.value === 'credentialLimited')) fields.add(field.name.value);
    }
  }
  return fields;
}
