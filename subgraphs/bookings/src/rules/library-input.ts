import { badUserInput } from '../../../../common/errors.js';
import { requireMoney } from '../../../../common/money.js';
import { requireText, requireTimeZone } from '../../../../common/validation.js';
import type { BookingRulesInput, MoneyInput, OpeningHoursInput, Weekday } from '../__generated__/resolvers-types.js';
import type { StoredOpeningHours } from '../db.js';
import { parseClock } from '../time.js';

export const WEEKDAY_NUMBERS: Record<Weekday, number> = { MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6, SUNDAY: 7 };
const MAX_HOURLY_PRICE_MINOR = 1_000_000_000;

export const libraryName = (name: string) => requireText(name, 'name', { max: 120 });
export const libraryAddress = (address: string) => requireText(address, 'address', { max: 500 });

export const libraryTimezone = (timezone: string) => requireTimeZone(timezone, 'timezone');

export function openingHoursColumns(hours: readonly OpeningHoursInput[]): StoredOpeningHours[] {
  const seen = new Set<Weekday>();
  return hours.map((day) => {
    if (seen.has(day.weekday)) throw badUserInput(`${day.weekday} is listed twice.`, 'openingHours');
    seen.add(day.weekday);
    const opens = parseClock(day.opensAt);
    const closes = parseClock(day.closesAt);
    if (opens === null || closes === null) throw badUserInput('Opening hours are HH:MM, from 00:00 to 24:00.', 'openingHours');
    if (opens >= closes) throw badUserInput(`On ${day.weekday} the library must open before it closes.`, 'openingHours');
    return { weekday: WEEKDAY_NUMBERS[day.weekday], opens, closes };
  });
}

export function priceColumns(price: MoneyInput) {
  const { amountMinor, currency } = requireMoney(price, 'hourlyPrice', { max: MAX_HOURLY_PRICE_MINOR });
  return { hourly_price_minor: amountMinor, currency };
}

export function rulesColumns(rules: BookingRulesInput) {
  if (![15, 30, 60].includes(rules.slotMinutes)) throw badUserInput('slotMinutes must be 15, 30 or 60.', 'rules.slotMinutes');
  if (rules.maxBookingMinutes < rules.slotMinutes || rules.maxBookingMinutes > 24 * 60 || rules.maxBookingMinutes % rules.slotMinutes !== 0) {
    throw badUserInput('maxBookingMinutes must be a multiple of slotMinutes, at most 24 hours.', 'rules.maxBookingMinutes');
  }
  if (rules.cancellationCutoffMinutes < 0 || rules.cancellationCutoffMinutes > 7 * 24 * 60) {
    throw badUserInput('cancellationCutoffMinutes must be between 0 and a week.', 'rules.cancellationCutoffMinutes');
  }
  if (rules.checkInWindowMinutes < 0 || rules.checkInWindowMinutes > 240) {
    throw badUserInput('checkInWindowMinutes must be between 0 and 240.', 'rules.checkInWindowMinutes');
  }
  return {
    slot_minutes: rules.slotMinutes,
    max_booking_minutes: rules.maxBookingMinutes,
    cancellation_cutoff_minutes: rules.cancellationCutoffMinutes,
    check_in_window_minutes: rules.checkInWindowMinutes,
  };
}
