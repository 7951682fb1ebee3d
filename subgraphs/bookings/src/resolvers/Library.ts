import { money } from '../../../../common/money.js';
import { pageRequest } from '../../../../common/pagination.js';
import type { LibraryResolvers, Weekday } from '../__generated__/resolvers-types.js';
import { WEEKDAY_NUMBERS } from '../rules/library-input.js';
import { formatClock } from '../time.js';

const WEEKDAY_NAMES = Object.fromEntries(Object.entries(WEEKDAY_NUMBERS).map(([name, number]) => [number, name as Weekday]));

export const Library: LibraryResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.library.load(reference.id),
  tenant: (library) => ({ id: library.tenant_id }),
  openingHours: (library) =>
    [...library.opening_hours]
      .sort((a, b) => a.weekday - b.weekday)
      .map((day) => ({ weekday: WEEKDAY_NAMES[day.weekday]!, opensAt: formatClock(day.opens), closesAt: formatClock(day.closes) })),
  hourlyPrice: (library) => money(library.hourly_price_minor, library.currency),
  rules: (library) => ({
    slotMinutes: library.slot_minutes,
    maxBookingMinutes: library.max_booking_minutes,
    cancellationCutoffMinutes: library.cancellation_cutoff_minutes,
    checkInWindowMinutes: library.check_in_window_minutes,
  }),
  createdAt: (library) => library.created_at,
  seats: (library, { first, after, includeInactive }, { loaders }) =>
    loaders.seatsOfLibrary.load({ parentId: library.id, page: pageRequest(first, after, 'text'), args: { includeInactive: includeInactive ?? false } }),
};
