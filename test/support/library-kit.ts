import { randomBytes } from 'node:crypto';
import {
  AddSeatsDocument,
  CreateLibraryDocument,
  type BookingRulesInput,
  type CreateLibraryInput,
  type LibraryFieldsFragment,
  type OpeningHoursInput,
  type SeatFieldsFragment,
  type Weekday,
} from '../__generated__/operations.js';
import { must } from './client.js';
import type { Member } from './seed-kit.js';

/** Libraries and seats made the way an owner makes them: through the router's public API. */
export interface LibraryFixture {
  library: LibraryFieldsFragment;
  seats: SeatFieldsFragment[];
}

export const MINUTE = 60_000;

export const WEEKDAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** The same hours every day; the default is round the clock, so no test depends on the time it runs. */
export const everyDay = (opensAt = '00:00', closesAt = '24:00'): OpeningHoursInput[] => WEEKDAYS.map((weekday) => ({ weekday, opensAt, closesAt }));

export const DEFAULT_RULES: BookingRulesInput = { slotMinutes: 30, maxBookingMinutes: 240, cancellationCutoffMinutes: 60, checkInWindowMinutes: 15 };

const unique = () => randomBytes(4).toString('hex');

export function libraryInput(overrides: Partial<CreateLibraryInput> = {}): CreateLibraryInput {
  return {
    name: `Library ${unique()}`,
    address: '12 MG Road, Bengaluru',
    timezone: 'UTC',
    openingHours: everyDay(),
    hourlyPrice: { amountMinor: 5000, currency: 'INR' },
    ...overrides,
    rules: { ...DEFAULT_RULES, ...overrides.rules },
  };
}

export interface LibraryOptions extends Omit<Partial<CreateLibraryInput>, 'rules'> {
  rules?: Partial<BookingRulesInput>;
  /** How many seats, labelled `S01`, `S02`, ... */
  seats?: number;
}

/** A library of the owner's tenant with `seats` seats (3 unless told). */
export async function createLibraryWithSeats(graphqlUrl: string, owner: Member, { seats = 3, rules, ...overrides }: LibraryOptions = {}): Promise<LibraryFixture> {
  const input = libraryInput({ ...overrides, rules: { ...DEFAULT_RULES, ...rules } });
  const { createLibrary } = await must(graphqlUrl, CreateLibraryDocument, { input }, owner.token);
  if (seats === 0) return { library: createLibrary, seats: [] };
  const labels = Array.from({ length: seats }, (_, index) => ({ label: `S${String(index + 1).padStart(2, '0')}`, zone: 'Quiet room', features: ['power'] }));
  const { addSeats } = await must(graphqlUrl, AddSeatsDocument, { libraryId: createLibrary.id, seats: labels }, owner.token);
  return { library: createLibrary, seats: addSeats };
}

export const addMinutes = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * MINUTE);

/**
 * The first start on a `slotMinutes` grid at least `minutesAhead` from now. The grid is counted
 * from midnight UTC, which is the library's grid in UTC and, for 15- and 30-minute slots, in
 * half-hour zones such as Asia/Kolkata.
 */
export function nextSlot(minutesAhead: number, slotMinutes = 30, now = new Date()): Date {
  const slot = slotMinutes * MINUTE;
  return new Date(Math.ceil((now.getTime() + minutesAhead * MINUTE) / slot) * slot);
}

/**
 * `clock` (HH:MM) on the day `daysAhead` days after today's UTC date, in a zone with a fixed
 * offset: `dayAt(2, '09:00', '+05:30')` is 09:00 in Kolkata the day after tomorrow.
 */
export function dayAt(daysAhead: number, clock: string, utcOffset = '+00:00'): Date {
  const date = new Date(Date.now() + daysAhead * 24 * 60 * MINUTE).toISOString().slice(0, 10);
  return new Date(`${date}T${clock}:00${utcOffset}`);
}

/** A booking period as the API takes it: `[startsAt, startsAt + minutes)`. */
export function period(startsAt: Date, minutes: number): { startsAt: string; endsAt: string } {
  return { startsAt: startsAt.toISOString(), endsAt: addMinutes(startsAt, minutes).toISOString() };
}
