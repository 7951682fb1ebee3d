import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { accessTokenVerifier, remoteSigningKeys } from '../../../common/auth/access-token.js';
import type { DatabaseConfig } from '../../../common/config.js';
import { openDatabase } from '../../../common/db/database.js';
import type { EventBus } from '../../../common/events/event.js';
import { startOutboxRelay } from '../../../common/events/outbox.js';
import { logger } from '../../../common/logger.js';
import { DateTime } from '../../../common/scalars.js';
import type { RunningServer } from '../../../common/server/http.js';
import { startSubgraphServer } from '../../../common/server/subgraph-server.js';
import { migrations } from '../migrations/index.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { createContext, type BookingsServices } from './context.js';
import type { BookingsDatabase } from './db.js';
import { Booking } from './resolvers/Booking.js';
import { BookingEvent } from './resolvers/BookingEvent.js';
import { Library } from './resolvers/Library.js';
import { Mutation } from './resolvers/Mutation.js';
import { Query } from './resolvers/Query.js';
import { Seat } from './resolvers/Seat.js';
import { Tenant } from './resolvers/Tenant.js';
import { User } from './resolvers/User.js';
import { tenantMembersProjection } from './tenant-members.js';

export const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
export const resolvers: Resolvers = { DateTime, SafeInt: SafeIntResolver, Query, Mutation, Library, Seat, Booking, BookingEvent, User, Tenant };

export interface BookingsSubgraphOptions {
  database: DatabaseConfig;
  bus: EventBus;
  /** The users subgraph's JWKS, to verify access tokens. */
  jwksUrl: string;
  port: number;
  host?: string;
  now?: () => Date;
}

export async function startBookingsSubgraph(options: BookingsSubgraphOptions): Promise<RunningServer> {
  const db = await openDatabase<BookingsDatabase>({ service: 'bookings', config: options.database, migrations });
  const services: BookingsServices = { db, relay: startOutboxRelay(db, options.bus), now: options.now ?? (() => new Date()) };
  const unsubscribe = options.bus.subscribe(tenantMembersProjection(db), { group: 'bookings.tenant-members' });

  const server = await startSubgraphServer({
    name: 'bookings',
    typeDefs,
    resolvers,
    port: options.port,
    host: options.host,
    verifyAccessToken: accessTokenVerifier(remoteSigningKeys(options.jwksUrl)),
    context: (viewer) => createContext(services, viewer),
    db,
    bus: options.bus,
    onStop: async () => {
      await unsubscribe();
      await services.relay.stop();
      await db.destroy();
    },
  });
  logger.info({ url: server.url }, 'bookings subgraph ready');
  return server;
}
