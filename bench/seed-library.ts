import { call } from '../stack/graphql-call.js';

const EVERY_DAY = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '24:00' }));

/** A library open round the clock, with `count` seats labelled S001, S002, ... */
export async function seedLibrary(graphqlUrl: string, ownerToken: string, count: number): Promise<{ libraryId: string; seatIds: string[] }> {
  const { createLibrary } = await call<{ createLibrary: { id: string } }>(
    graphqlUrl,
    `mutation($input: CreateLibraryInput!) { createLibrary(input: $input) { id } }`,
    { input: { name: 'Bench Library', address: '1 Bench Road', timezone: 'UTC', openingHours: EVERY_DAY, hourlyPrice: { amountMinor: 5000, currency: 'INR' }, rules: { slotMinutes: 60, maxBookingMinutes: 240, cancellationCutoffMinutes: 0, checkInWindowMinutes: 15 } } },
    ownerToken,
  );
  const { addSeats } = await call<{ addSeats: { id: string }[] }>(
    graphqlUrl,
    `mutation($libraryId: ID!, $seats: [SeatInput!]!) { addSeats(libraryId: $libraryId, seats: $seats) { id } }`,
    { libraryId: createLibrary.id, seats: Array.from({ length: count }, (_, index) => ({ label: `S${String(index + 1).padStart(3, '0')}`, zone: 'Quiet', features: ['power', 'lamp'] })) },
    ownerToken,
  );
  return { libraryId: createLibrary.id, seatIds: addSeats.map((seat) => seat.id) };
}
