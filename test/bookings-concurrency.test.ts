import { beforeAll, describe, expect, it } from 'vitest';
import { CancelBookingDocument, CheckInDocument, CreateBookingDocument, TenantBookingsDocument } from './__generated__/operations.js';
import { errorCodes, must, request, type GraphQLResponse } from './support/client.js';
import { addMinutes, createLibraryWithSeats, dayAt, nextSlot, period } from './support/library-kit.js';
import { createMember, createTenant, loginAdmin, type Member, registerStudent, registerStudents, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let tenant: TenantFixture;
let owner: Member;
let staff: Member;

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  owner = tenant.owner;
  staff = await createMember(stack.graphqlUrl, admin, tenant.id, tenant.slug, 'STAFF');
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const succeeded = (response: GraphQLResponse<unknown>) => !response.errors?.length && response.data != null;

async function bookingsOfLibrary(libraryId: string) {
  return (await must(stack.graphqlUrl, TenantBookingsDocument, { filter: { libraryId }, first: 100 }, owner.token)).bookings.nodes;
}

/** `count` bookings by one student, one per seat, starting at the next slot so that check-in is open. */
async function bookingsStartingSoon(count: number) {
  const student = await registerStudent(stack.graphqlUrl, tenant.slug);
  const { library, seats } = await createLibraryWithSeats(stack.graphqlUrl, owner, { seats: count, rules: { checkInWindowMinutes: 240 } });
  const when = period(nextSlot(1), 30);
  const bookings = await Promise.all(
    seats.map(async (seat) => (await must(stack.graphqlUrl, CreateBookingDocument, { input: { seatId: seat.id, ...when } }, student.token)).createBooking),
  );
  return { student, library, bookings };
}

describe('racing for one seat', () => {
  it('lets exactly one of 50 students book overlapping periods of one seat; the other 49 get BOOKING_CONFLICT', async () => {
    const students = await registerStudents(stack.graphqlUrl, tenant.slug, 50, async (student) => student);
    const { library, seats } = await createLibraryWithSeats(stack.graphqlUrl, owner, { seats: 1 });
    // Every period covers [12:00, 13:00), so any two overlap and at most one can stand.
    const noon = dayAt(3, '12:00');
    const periodOf = (index: number) => period(addMinutes(noon, -30 * (index % 3)), 60 + 30 * (index % 3) + 30 * (index % 2));

    const responses = await Promise.all(
      students.map((student, index) => request(stack.graphqlUrl, CreateBookingDocument, { input: { seatId: seats[0]!.id, ...periodOf(index) } }, student.token)),
    );

    const winners = responses.flatMap((response, index) => (succeeded(response) ? [{ index, booking: response.data!.createBooking }] : []));
    expect(winners).toHaveLength(1);
    const losers = responses.filter((response) => !succeeded(response));
    expect(losers.flatMap(errorCodes)).toEqual(Array(49).fill('BOOKING_CONFLICT'));

    const [winner] = winners;
    const listed = await bookingsOfLibrary(library.id);
    expect(listed.map((booking) => ({ id: booking.id, seat: booking.seat?.id, user: booking.user?.id, status: booking.status }))).toEqual([
      { id: winner!.booking.id, seat: seats[0]!.id, user: students[winner!.index]!.id, status: 'CONFIRMED' },
    ]);
  });
});

describe('racing state changes of one booking', () => {
  it('lets exactly one of a cancellation by the owner and a check-in by staff win, 20 times over', async () => {
    const { library, bookings } = await bookingsStartingSoon(20);

    const races = await Promise.all(
      bookings.map((booking, index) => {
        const cancel = () => request(stack.graphqlUrl, CancelBookingDocument, { id: booking.id, reason: 'Race' }, owner.token);
        const checkIn = () => request(stack.graphqlUrl, CheckInDocument, { bookingId: booking.id }, staff.token);
        // checkIn reads the booking and library before its update while the owner's cancel updates at
        // once, so on PostgreSQL the cancel nearly always wins; a short, varying head start for every
        // other check-in lets either side win and makes requests meet at the row lock.
        const cancelled = index % 2 === 0 ? cancel() : pause(1 + (index % 4)).then(cancel);
        return Promise.all([cancelled, checkIn()]).then(([cancelled, checkedIn]) => ({ cancelled, checkedIn }));
      }),
    );

    const final = new Map((await bookingsOfLibrary(library.id)).map((booking) => [booking.id, booking]));
    expect(final.size).toBe(20);
    races.forEach(({ cancelled, checkedIn }, index) => {
      const id = bookings[index]!.id;
      expect([succeeded(cancelled), succeeded(checkedIn)].filter(Boolean), `booking ${index}: exactly one side wins`).toHaveLength(1);
      const [winner, loser] = succeeded(cancelled) ? ['CANCELLED', checkedIn] : ['CHECKED_IN', cancelled];
      expect(errorCodes(loser), `booking ${index}: the loser is told why`).toEqual(['BAD_USER_INPUT']);

      const booking = final.get(id)!;
      expect(booking.status, `booking ${index}`).toBe(winner);
      if (winner === 'CANCELLED') {
        expect(booking.cancelledAt, `booking ${index}`).not.toBeNull();
        expect(booking.checkedInAt, `booking ${index}`).toBeNull();
      } else {
        expect(booking.checkedInAt, `booking ${index}`).not.toBeNull();
        expect(booking.cancelledAt, `booking ${index}`).toBeNull();
      }
    });
  });

  it('checks a booking in once when staff and the student check in at the same moment', async () => {
    const { student, library, bookings } = await bookingsStartingSoon(10);

    const races = await Promise.all(
      bookings.map((booking) =>
        Promise.all([
          request(stack.graphqlUrl, CheckInDocument, { bookingId: booking.id }, staff.token),
          request(stack.graphqlUrl, CheckInDocument, { bookingId: booking.id }, student.token),
        ]),
      ),
    );

    races.forEach((responses, index) => {
      expect(responses.filter(succeeded), `booking ${index}: exactly one check-in succeeds`).toHaveLength(1);
      const loser = responses.find((response) => !succeeded(response))!;
      expect(errorCodes(loser), `booking ${index}`).toEqual(['BAD_USER_INPUT']);
      expect(loser.errors![0]!.message, `booking ${index}`).toMatch(/already checked in/);
    });
    const final = await bookingsOfLibrary(library.id);
    expect(final.map((booking) => booking.status)).toEqual(Array(10).fill('CHECKED_IN'));
  });
});
