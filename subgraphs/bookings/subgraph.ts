import { badUserInput, bookingConflict } from '../../common/errors.js';
import { tenantMembersProjection } from '../../common/membership/tenant-members.js';
import { DateTime, SafeInt } from '../../common/scalars.js';
import { defineSubgraph, type SubgraphPlatform } from '../../common/subgraph-kit/manifest.js';
import { migrations } from './migrations/index.js';
import type { Resolvers } from './src/__generated__/resolvers-types.js';
import { createContext, type BookingsServices } from './src/context.js';
import type { BookingsDatabase } from './src/db.js';
import { Booking } from './src/resolvers/Booking.js';
import { BookingEvent } from './src/resolvers/BookingEvent.js';
import { Library } from './src/resolvers/Library.js';
import { Mutation } from './src/resolvers/Mutation.js';
import { Query } from './src/resolvers/Query.js';
import { Seat } from './src/resolvers/Seat.js';
import { Tenant } from './src/resolvers/Tenant.js';
import { User } from './src/resolvers/User.js';

const resolvers: Resolvers = { DateTime, SafeInt, Query, Mutation, Library, Seat, Booking, BookingEvent, User, Tenant };

/** Libraries, seats, bookings and attendance; the booking events subscription. */
export default defineSubgraph({
  schema: new URL('./schema.graphql', import.meta.url),
  resolvers,
  migrations,
  services: ({ db, relay }: SubgraphPlatform<BookingsDatabase, unknown>): BookingsServices => ({ db, relay, now: () => new Date() }),
  context: createContext,
  constraintErrors: {
    seats_library_label: () => badUserInput('Seat labels must be unique within a library.', 'label'),
    bookings_no_overlap: bookingConflict,
  },
  consumers: (services) => ({ 'tenant-members': tenantMembersProjection(services.db) }),
});
