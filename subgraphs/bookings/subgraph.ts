import { z } from 'zod';
import { milliseconds } from '../../common/config.js';
import { badUserInput, bookingConflict } from '../../common/errors.js';
import { tenantMembersProjection } from '../../common/membership/tenant-members.js';
import { DateTime, SafeInt } from '../../common/scalars.js';
import { defineSubgraph, type SubgraphPlatform } from '../../common/subgraph-kit/manifest.js';
import { migrations } from './migrations/index.js';
import type { Resolvers } from './src/__generated__/resolvers-types.js';
import { bookingCharges } from './src/charges.js';
import { createContext, type BookingsServices } from './src/context.js';
import type { BookingsDatabase } from './src/db.js';
import { paymentOutcomes, startHoldSweeper } from './src/holds.js';
import { Booking } from './src/resolvers/Booking.js';
import { BookingEvent } from './src/resolvers/BookingEvent.js';
import { BookingPolicy } from './src/resolvers/BookingPolicy.js';
import { Library } from './src/resolvers/Library.js';
import { Mutation } from './src/resolvers/Mutation.js';
import { Query } from './src/resolvers/Query.js';
import { Seat } from './src/resolvers/Seat.js';
import { Tenant } from './src/resolvers/Tenant.js';
import { User } from './src/resolvers/User.js';

const resolvers: Resolvers = { DateTime, SafeInt, Query, Mutation, Library, Seat, Booking, BookingEvent, BookingPolicy, User, Tenant };

const bookingsSettings = z.object({
  /** How often unpaid holds whose time is up are expired (and their seats' subscribers told). */
  HOLD_SWEEP_INTERVAL_MS: milliseconds(2_000),
});

/** Libraries, seats, bookings and attendance, holds awaiting payment; the booking events subscription. */
export default defineSubgraph({
  schema: new URL('./schema.graphql', import.meta.url),
  resolvers,
  migrations,
  settings: bookingsSettings,
  services: ({ db, relay, settings }: SubgraphPlatform<BookingsDatabase, z.infer<typeof bookingsSettings>>): BookingsServices => {
    const services = { db, relay, now: () => new Date() };
    return { ...services, holdSweeper: startHoldSweeper(services, settings.HOLD_SWEEP_INTERVAL_MS) };
  },
  stop: (services) => services.holdSweeper.stop(),
  context: createContext,
  constraintErrors: {
    seats_library_label: () => badUserInput('Seat labels must be unique within a library.', 'label'),
    bookings_no_overlap: bookingConflict,
  },
  consumers: (services) => ({ 'tenant-members': tenantMembersProjection(services.db), 'payment-outcomes': paymentOutcomes(services) }),
  endpoints: { bookingCharges },
});
