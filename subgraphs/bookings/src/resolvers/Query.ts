import type { GraphQLResolveInfo } from 'graphql';
import { signedIn, withRole } from '../../../../common/auth/guards.js';
import { tenantScope } from '../../../../common/auth/tenant-scope.js';
import { readAsViewer } from '../../../../common/db/viewer-scope.js';
import { badUserInput, notFound } from '../../../../common/errors.js';
import { pageRequest } from '../../../../common/pagination.js';
import { selectedFields } from '../../../../common/operations/selected-fields.js';
import { isUuid } from '../../../../common/validation.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { activeSeatsOfLibrary, listBookings, listLibraries, takenSeatIds } from '../db.js';
import { withPlacesLoaded } from '../loaders.js';
import { validateBookingPeriod } from '../rules/booking-period.js';
import { bookingEventStream } from './BookingEvent.js';

export const Query: QueryResolvers = {
  bookingEventsFilter: (_parent, { libraryId, types, tenantId }, { viewer }) => bookingEventStream.filter(viewer, { tenantId, types, keys: { libraryId } }),

  bookingEventsByIds: (_parent, { eventIds }, ctx) => bookingEventStream.readMany(ctx, eventIds),

  libraries: (_parent, { first, after, tenantId }, { viewer, db }) => {
    const caller = signedIn(viewer);
    const scope = tenantScope(caller, tenantId, { required: false });
    const page = pageRequest(first, after);
    return readAsViewer(db, caller, 'list libraries', (trx) => listLibraries(trx, scope, page));
  },

  library: async (_parent, { id }, { viewer, loaders }) => {
    signedIn(viewer);
    const library = await loaders.library.load(id);
    if (!library) throw notFound('Library');
    return library;
  },

  seatAvailability: async (_parent, { libraryId, startsAt, endsAt }, { viewer, db, loaders, now }) => {
    const caller = signedIn(viewer);
    const library = await loaders.library.load(libraryId);
    if (!library) throw notFound('Library');
    if (endsAt.getTime() <= startsAt.getTime()) throw badUserInput('endsAt must be after startsAt.', 'endsAt');
    if (endsAt.getTime() - startsAt.getTime() > 7 * 24 * 3600_000) throw badUserInput('Ask for at most a week at a time.', 'endsAt');
    return readAsViewer(db, caller, 'seat availability', async (trx) => {
      const seats = await activeSeatsOfLibrary(trx, library.id);
      let bookable = library.status === 'OPEN';
      try {
        validateBookingPeriod(library, startsAt, endsAt, now());
      } catch {
        // Outside opening hours, off the slot grid or in the past: nothing is free to book.
        bookable = false;
      }
      const taken = bookable ? await takenSeatIds(trx, seats.map((seat) => seat.id), startsAt, endsAt) : new Set<string>();
      return seats.map((seat) => ({ seat, free: bookable && !taken.has(seat.id) }));
    });
  },

  booking: async (_parent, { id }, { viewer, loaders }) => {
    signedIn(viewer);
    const booking = await loaders.booking.load(id);
    if (!booking) throw notFound('Booking');
    return booking;
  },

  myBookings: async (_parent, { first, after, status }, { viewer, db, loaders }, info) => {
    const caller = signedIn(viewer);
    const page = pageRequest(first, after);
    const bookings = await readAsViewer(db, caller, 'my bookings', (trx) => listBookings(trx, { userId: caller.userId, status }, page));
    return withPlacesLoaded(bookings, placesAsked(info), loaders);
  },

  bookings: async (_parent, { filter, first, after, tenantId }, { viewer, db, loaders }, info) => {
    const staff = withRole(viewer, ['STAFF', 'OWNER', 'PLATFORM_ADMIN'], 'Only staff and owners list the tenant’s bookings; use myBookings.');
    const scope = tenantScope(staff, tenantId, { required: true });
    if (filter?.from && filter.to && filter.from.getTime() >= filter.to.getTime()) throw badUserInput('filter.to must be after filter.from.', 'filter.to');
    for (const field of ['libraryId', 'userId'] as const) {
      const id = filter?.[field];
      if (id && !isUuid(id)) throw badUserInput(`${field} is not an id.`, `filter.${field}`);
    }
    const page = pageRequest(first, after);
    const bookings = await readAsViewer(db, staff, 'list bookings', (trx) =>
      listBookings(trx, { tenantId: scope, libraryId: filter?.libraryId, userId: filter?.userId, status: filter?.status, from: filter?.from, to: filter?.to }, page),
    );
    return withPlacesLoaded(bookings, placesAsked(info), loaders);
  },
};

const placesAsked = (info: GraphQLResolveInfo) => ({ booking: selectedFields(info, ['nodes']), seat: selectedFields(info, ['nodes', 'seat']) });
