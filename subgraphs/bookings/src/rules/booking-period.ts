import { badUserInput } from '../../../../common/errors.js';
import type { LibraryRow } from '../db.js';
import { formatClock, localTime } from '../time.js';

const MINUTE = 60_000;

/**
 * Checks a requested period against the library's rules, each failure with its own message:
 * future start, order, slot grid, maximum length and opening hours in the library's time zone.
 */
export function validateBookingPeriod(library: LibraryRow, startsAt: Date, endsAt: Date, now: Date): void {
  if (startsAt.getTime() <= now.getTime()) throw badUserInput('A booking must start in the future.', 'startsAt');
  if (endsAt.getTime() <= startsAt.getTime()) throw badUserInput('A booking must end after it starts.', 'endsAt');
  const minutes = (endsAt.getTime() - startsAt.getTime()) / MINUTE;
  if (minutes > library.max_booking_minutes) {
    throw badUserInput(`Bookings at ${library.name} last at most ${library.max_booking_minutes} minutes.`, 'endsAt');
  }
  const start = localTime(startsAt, library.timezone);
  const end = localTime(endsAt, library.timezone);
  if (start.seconds !== 0 || startsAt.getMilliseconds() !== 0 || start.minutes % library.slot_minutes !== 0 || !Number.isInteger(minutes) || minutes % library.slot_minutes !== 0) {
    throw badUserInput(`Bookings at ${library.name} start and end on ${library.slot_minutes}-minute slots.`, 'startsAt');
  }
  // Opening hours are per day, so a booking lies within one local day; ending at midnight is fine.
  const endsAtMidnight = end.minutes === 0 && minutes <= 24 * 60;
  if (end.date !== start.date && !endsAtMidnight) {
    throw badUserInput(`A booking must end on the day it starts (${library.timezone}); book the next day separately.`, 'endsAt');
  }
  const endMinutes = end.date === start.date ? end.minutes : 24 * 60;
  const day = library.opening_hours.find((hours) => hours.weekday === start.weekday);
  if (!day || start.minutes < day.opens || endMinutes > day.closes) {
    const hours = day ? `open ${formatClock(day.opens)}–${formatClock(day.closes)} that day` : 'closed that day';
    throw badUserInput(`${library.name} is ${hours} (${library.timezone}).`, 'startsAt');
  }
}

/** The price of a period at the library's hourly rate, in minor units, rounded half up. */
export function priceOf(library: LibraryRow, startsAt: Date, endsAt: Date): number {
  const minutes = BigInt(Math.round((endsAt.getTime() - startsAt.getTime()) / MINUTE));
  const price = (BigInt(library.hourly_price_minor) * minutes * 2n + 60n) / 120n;
  return Number(price);
}
