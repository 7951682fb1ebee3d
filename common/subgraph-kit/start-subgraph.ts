import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import express from 'express';
import { z } from 'zod';
import { accessTokenVerifier, remoteSigningKeys } from '../auth/access-token.js';
import { databaseEnv, port, readConfig, type Env } from '../config.js';
import { openDatabase } from '../db/database.js';
import type { EventBus } from '../events/event.js';
import { startOutboxRelay } from '../events/outbox.js';
import { logger } from '../logger.js';
import type { RunningServer } from '../server/http.js';
import { sharedEnv } from '../service-config.js';
import { startSubgraphServer } from '../server/subgraph-server.js';
import type { SubgraphName } from '../../subgraphs/index.js';
import { endpointUrl, portVariable } from './addresses.js';
import { checkEventSubscriptions } from './check-event-subscriptions.js';
import type { SubgraphEntry } from './manifest.js';
import { methodOf, PLATFORM_ENDPOINTS, type PlatformEndpoint } from './platform-endpoints.js';

/** A POST endpoint's JSON body: a batch of ids at most. */
const endpointBody = express.json({ limit: '256kb' });

/**
 * Runs one subgraph from its registry line and manifest: settings from `env` (its port from
 * `<NAME>_PORT`), its database opened and migrated, its outbox relayed to `bus`, its consumers
 * subscribed, its services built, and the server up. Stopping drains requests first, then undoes
 * the rest in reverse.
 */
export async function startSubgraph(entry: SubgraphEntry, { env, bus }: { env: Env; bus: EventBus }): Promise<RunningServer> {
  const { default: manifest } = await entry.manifest();
  const { name } = entry;
  const portSetting = portVariable(name as SubgraphName);
  const base = readConfig(sharedEnv.extend({ [portSetting]: port(entry.port) }), env) as z.infer<typeof sharedEnv> & Record<string, number>;
  const settings = manifest.settings ? readConfig(manifest.settings, env) : {};
  const typeDefs = parse(readFileSync(manifest.schema, 'utf8'));
  checkEventSubscriptions(typeDefs, manifest.resolvers);
  for (const endpoint of entry.serves) {
    if (!manifest.endpoints?.[endpoint]) throw new Error(`subgraphs/index.ts says ${name} serves ${endpoint}, but its manifest has no such endpoint.`);
  }

  const db = await openDatabase({ service: name, config: readConfig(databaseEnv(name), env), migrations: manifest.migrations });
  const relay = startOutboxRelay(db, bus);
  const redis = base.REDIS_URL ? { url: base.REDIS_URL, keyPrefix: base.REDIS_KEY_PREFIX } : undefined;
  // What is started is undone in reverse, whether at stop or because a later step failed.
  const undo: (() => Promise<void>)[] = [() => db.destroy(), () => relay.stop()];
  const undoAll = async () => {
    for (const step of undo.splice(0).reverse()) await step();
  };
  try {
    const services = await manifest.services({ name, db, bus, relay, settings, redis, serviceSecret: base.SERVICE_SECRET, endpointUrl: (endpoint) => endpointUrl(endpoint, env) });
    undo.push(async () => manifest.stop?.(services));
    for (const [consumer, handler] of Object.entries(manifest.consumers?.(services) ?? {})) undo.push(bus.subscribe(handler, { group: `${name}.${consumer}` }));
    const tokenKeys = manifest.tokenKeys?.(services) ?? remoteSigningKeys(endpointUrl('tokenKeys', env));
    const server = await startSubgraphServer({
      service: name,
      typeDefs,
      resolvers: manifest.resolvers,
      port: base[portSetting]!,
      host: base.HOST,
      verifyAccessToken: accessTokenVerifier(tokenKeys),
      constraintErrors: manifest.constraintErrors ?? {},
      context: (viewer, request) => manifest.context(services, viewer, request),
      db,
      bus,
      serviceSecret: base.SERVICE_SECRET,
      routes: (app) => {
        for (const [endpoint, handler] of Object.entries(manifest.endpoints ?? {})) {
          const { path } = PLATFORM_ENDPOINTS[endpoint as PlatformEndpoint];
          if (methodOf(endpoint as PlatformEndpoint) === 'post') app.post(path, endpointBody, handler!(services));
          else app.get(path, handler!(services));
        }
        manifest.routes?.(app, services);
      },
      onStop: undoAll,
    });
    manifest.started?.(services, { url: server.url });
    logger.info({ url: server.url, subgraph: name }, 'subgraph ready');
    return server;
  } catch (error) {
    await undoAll();
    throw error;
  }
}
