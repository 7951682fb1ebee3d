import { call } from './graphql-call.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const SEATS = [
  ...Array.from({ length: 8 }, (_, index) => ({ label: `Q${index + 1}`, zone: 'Quiet room', features: index % 2 ? ['power'] : ['power', 'window'] })),
  ...Array.from({ length: 6 }, (_, index) => ({ label: `G${index + 1}`, zone: 'Ground floor', features: index < 2 ? ['lamp'] : [] })),
];

/** The instant at `hour`:00 local time in `timeZone`, `daysAhead` days from today there. */
export function localHour(timeZone: string, daysAhead: number, hour: number): Date {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, day + daysAhead, hour);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
      .formatToParts(new Date(guess))
      .map((part) => [part.type, Number(part.value)]),
  );
  const shownAsUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return new Date(guess - (shownAsUtc - guess));
}

interface DemoTenant {
  name: string;
  timezone: string;
  currency: string;
}

/**
 * A library with seats and a week of bookings by the tenant's students, through the public API as
 * its owner and students would make them (so only future bookings: the API refuses the past).
 */
export async function seedDemoLibrary(graphqlUrl: string, tenant: DemoTenant, ownerToken: string, studentTokens: string[]): Promise<{ bookingIds: string[] }> {
  const { createLibrary } = await call<{ createLibrary: { id: string } }>(
    graphqlUrl,
    'mutation($input: CreateLibraryInput!) { createLibrary(input: $input) { id } }',
    {
      input: {
        name: `${tenant.name} — Main Reading Room`,
        address: '1 Library Lane',
        timezone: tenant.timezone,
        openingHours: DAYS.map((weekday) => ({ weekday, opensAt: weekday === 'SUNDAY' ? '10:00' : '07:00', closesAt: '22:00' })),
        hourlyPrice: { amountMinor: tenant.currency === 'INR' ? 4000 : 250, currency: tenant.currency },
        rules: { slotMinutes: 30, maxBookingMinutes: 240, cancellationCutoffMinutes: 60, checkInWindowMinutes: 15 },
      },
    },
    ownerToken,
  );
  const { addSeats } = await call<{ addSeats: { id: string }[] }>(
    graphqlUrl,
    'mutation($libraryId: ID!, $seats: [SeatInput!]!) { addSeats(libraryId: $libraryId, seats: $seats) { id } }',
    { libraryId: createLibrary.id, seats: SEATS },
    ownerToken,
  );
  const book = (token: string, seatId: string, daysAhead: number, hour: number, hours: number) =>
    call<{ createBooking: { id: string } }>(
      graphqlUrl,
      'mutation($input: CreateBookingInput!) { createBooking(input: $input) { id } }',
      { input: { seatId, startsAt: localHour(tenant.timezone, daysAhead, hour).toISOString(), endsAt: localHour(tenant.timezone, daysAhead, hour + hours).toISOString() } },
      token,
    );
  const bookingIds: string[] = [];
  for (const [index, token] of studentTokens.entries()) {
    for (let day = 1; day <= 5; day++) bookingIds.push((await book(token, addSeats[(index * 3 + day) % addSeats.length]!.id, day, 10 + index * 2, 2)).createBooking.id);
    const { createBooking } = await book(token, addSeats[index]!.id, 6, 16, 1);
    await call(graphqlUrl, 'mutation($id: ID!) { cancelBooking(id: $id, reason: "Plans changed") { id } }', { id: createBooking.id }, token);
  }
  return { bookingIds };
}
