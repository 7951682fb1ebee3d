import type { RequestHandler, Express } from 'express';
import type { JWTVerifyGetKey } from 'jose';
import type { Kysely, Migration } from 'kysely';
import type { z } from 'zod';
import type { Viewer } from '../auth/viewer.js';
import type { ConstraintErrors } from '../db/constraint-errors.js';
import type { RequestFacts } from '../server/subgraph-server.js';
import type { Consumer, EventBus } from '../events/event.js';
import type { OutboxRelay } from '../events/outbox.js';
import type { PlatformEndpoint } from './platform-endpoints.js';

/** A line of the registry (`subgraphs/index.ts`): what platform code may know without loading the subgraph. */
export interface SubgraphEntry {
  /** Also its folder under `subgraphs/`, its metrics label and the prefix of its variables. */
  name: string;
  /** Where it listens unless `<NAME>_PORT` says otherwise. */
  port: number;
  /** Platform endpoints it serves; its manifest must provide each. */
  serves: readonly PlatformEndpoint[];
  manifest: () => Promise<{ default: SubgraphManifest<any, any, any, any> }>;
  /** Benchmarks of its own (`subgraphs/<name>/bench/`), which `npm run bench` runs after the platform's. */
  bench?: () => Promise<{ default: SubgraphBench }>;
}

/** A subgraph's benchmarks: prints its figures; `seconds` is how long each measured run may take. */
export type SubgraphBench = (options: { seconds: number }) => Promise<void>;

/** What the platform hands a subgraph's `services` when it starts it. */
export interface SubgraphPlatform<DB, Settings> {
  name: string;
  /** Its own database, migrated, connected as the application role. */
  db: Kysely<DB>;
  bus: EventBus;
  /** Publishes what the subgraph writes to its outbox; `flush()` after a commit publishes at once. */
  relay: OutboxRelay;
  settings: Settings;
  /** The deployment's Redis, for state that replicas share (rate limits); absent on the embedded default. */
  redis: { url: string; keyPrefix: string } | undefined;
  /** Where another service's platform endpoint is, to call it with `serviceSecret` as proof (`serviceProofHeaders`). */
  endpointUrl(endpoint: PlatformEndpoint): string;
  serviceSecret: string;
}

/**
 * Everything the platform needs to run a subgraph, in `subgraphs/<name>/subgraph.ts`. The shared
 * runner (`startSubgraph`) opens its database, migrates it, relays its outbox, subscribes its
 * consumers, verifies tokens, serves it and stops it, the same way for every subgraph.
 */
export interface SubgraphManifest<DB, Services extends object, Context extends object, SettingsSchema extends z.ZodType = z.ZodType<Record<string, never>>> {
  /** `schema.graphql` beside the manifest: the contract, composed into the supergraph. */
  schema: URL;
  resolvers: object;
  migrations: Record<string, Migration>;
  /** Its own settings, read from the environment once at start (zod; defaults included). */
  settings?: SettingsSchema;
  /** The long-lived services its resolvers need, built once at start. */
  services(platform: SubgraphPlatform<DB, z.infer<SettingsSchema>>): Promise<Services> | Services;
  /** A request's context from the services and the verified caller; loaders are made here, per request. */
  context(services: Services, viewer: Viewer | null, request: RequestFacts): Context;
  /**
   * Durable event consumers (projections), by name: each gets every event once per consumer
   * group (`<subgraph>.<name>`), survives restarts, and is retried until it succeeds.
   */
  consumers?(services: Services): Record<string, Consumer>;
  /** The platform endpoints this subgraph serves, as its registry line says. */
  endpoints?: Partial<Record<PlatformEndpoint, (services: Services) => RequestHandler>>;
  /** Other HTTP routes of its own (internal: the router does not route them). */
  routes?(app: Express, services: Services): void;
  /** Its database constraints whose violations are a client's mistake, by name, and the API error each means. */
  constraintErrors?: ConstraintErrors;
  /** Where its access-token keys come from, if not the JWKS every other service reads (the issuer's own). */
  tokenKeys?(services: Services): JWTVerifyGetKey;
  /** Starts what needs the service's own address (background work that hands providers a callback URL), once it listens. */
  started?(services: Services, server: { url: string }): void;
  /** Releases what `services` opened, after the server has drained and before the database closes. */
  stop?(services: Services): Promise<void>;
}

/** Types a manifest, inferring its services, context and settings. */
export const defineSubgraph = <DB, Services extends object, Context extends object, SettingsSchema extends z.ZodType = z.ZodType<Record<string, never>>>(
  manifest: SubgraphManifest<DB, Services, Context, SettingsSchema>,
) => manifest;
