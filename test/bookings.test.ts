import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CancelBookingDocument,
  CheckInDocument,
  CloseLibraryDocument,
  CreateBookingDocument,
  CreateLibraryDocument,
  DeactivateSeatDocument,
  LibraryDocument,
  LibrarySeatsDocument,
  MyBookingsAsUserDocument,
  MyBookingsDocument,
  SeatAvailabilityDocument,
  TenantBookingsDocument,
  UpdateLibraryDocument,
  type BookingFilter,
  type CreateBookingInput,
} from './__generated__/operations.js';
import { recordEvents } from './support/event-recorder.js';
import { errorCodes, must, request, type GraphQLResponse } from './support/client.js';
import { addMinutes, createLibraryWithSeats, dayAt, everyDay, libraryInput, nextSlot, period, type LibraryOptions } from './support/library-kit.js';
import { createMember, createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let admin: Member;
let tenant: TenantFixture;
let owner: Member;
let staff: Member;

const IST = '+05:30';
const unique = () => randomBytes(4).toString('hex');

beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  owner = tenant.owner;
  staff = await createMember(stack.graphqlUrl, admin, tenant.id, tenant.slug, 'STAFF');
});

const newLibrary = (options: LibraryOptions = {}, by: Member = owner) => createLibraryWithSeats(stack.graphqlUrl, by, options);
const newStudent = (displayName?: string, slug = tenant.slug) => registerStudent(stack.graphqlUrl, slug, displayName);

const attemptBooking = (member: Member, input: CreateBookingInput) => request(stack.graphqlUrl, CreateBookingDocument, { input }, member.token);
const book = async (member: Member, input: CreateBookingInput) => (await must(stack.graphqlUrl, CreateBookingDocument, { input }, member.token)).createBooking;
const attemptCancel = (member: Member, id: string, reason?: string) => request(stack.graphqlUrl, CancelBookingDocument, { id, reason }, member.token);
const attemptCheckIn = (member: Member, bookingId: string) => request(stack.graphqlUrl, CheckInDocument, { bookingId }, member.token);

async function bookingsOfTenant(viewer: Member, filter: BookingFilter = {}, first = 100) {
  return (await must(stack.graphqlUrl, TenantBookingsDocument, { filter, first }, viewer.token)).bookings.nodes;
}

async function availability(libraryId: string, when: { startsAt: string; endsAt: string }, viewer: Member) {
  const { seatAvailability } = await must(stack.graphqlUrl, SeatAvailabilityDocument, { libraryId, ...when }, viewer.token);
  return Object.fromEntries(seatAvailability.map((entry) => [entry.seat.label, entry.free]));
}

/** The response failed with exactly one error of `code`, whose message matches, and no data. */
function expectRefusal(response: GraphQLResponse<unknown>, code: string, message?: RegExp) {
  expect(errorCodes(response)).toEqual([code]);
  if (message) expect(response.errors![0]!.message).toMatch(message);
  expect(response.data ?? null).toBeNull();
}

const iso = (value: string | null | undefined) => (value == null ? value : new Date(value).toISOString());


describe('finding and booking a seat', () => {
  it('lets a student find a free seat, book it and read it back with seat, library and their own name in one request', async () => {
    const student = await newStudent('Asha Rao');
    const { library } = await newLibrary();
    const when = period(dayAt(2, '10:00'), 60);

    expect(await availability(library.id, when, student)).toEqual({ S01: true, S02: true, S03: true });
    const { seatAvailability } = await must(stack.graphqlUrl, SeatAvailabilityDocument, { libraryId: library.id, ...when }, student.token);
    const booked = await book(student, { seatId: seatAvailability.find((entry) => entry.free)!.seat.id, ...when });
    expect(booked).toMatchObject({ status: 'CONFIRMED', user: { id: student.id }, bookedBy: { id: student.id }, seat: { label: 'S01' }, library: { id: library.id } });

    const response = await request(stack.graphqlUrl, MyBookingsDocument, { first: 20 }, student.token);
    expect(response.errors).toBeUndefined();
    const nodes = response.data!.myBookings.nodes;
    expect(nodes.map((node) => ({ ...node, startsAt: iso(node.startsAt), endsAt: iso(node.endsAt) }))).toEqual([
      { id: booked.id, status: 'CONFIRMED', ...when, seat: { label: 'S01' }, library: { name: library.name }, user: { displayName: 'Asha Rao' } },
    ]);
  });

  it('shows an owner every booking of the tenant with each student’s name, and nothing of another tenant', async () => {
    const own = await createTenant(stack.graphqlUrl, admin);
    const ownStaff = await createMember(stack.graphqlUrl, admin, own.id, own.slug, 'STAFF');
    const asha = await newStudent('Asha Rao', own.slug);
    const ravi = await newStudent('Ravi Menon', own.slug);
    const { seats } = await newLibrary({}, own.owner);
    const { seats: elsewhere } = await newLibrary();
    const outsider = await book(await newStudent('Outsider'), { seatId: elsewhere[0]!.id, ...period(dayAt(2, '10:00'), 60) });

    const byAsha = await book(asha, { seatId: seats[0]!.id, ...period(dayAt(2, '10:00'), 60) });
    const byRavi = await book(ravi, { seatId: seats[1]!.id, ...period(dayAt(2, '11:00'), 60) });
    const forAsha = await book(ownStaff, { seatId: seats[2]!.id, userId: asha.id, ...period(dayAt(2, '12:00'), 60) });

    const listed = await bookingsOfTenant(own.owner);
    expect(listed.map((booking) => ({ id: booking.id, user: booking.user, bookedBy: booking.bookedBy?.id }))).toEqual([
      { id: forAsha.id, user: { id: asha.id, displayName: 'Asha Rao' }, bookedBy: ownStaff.id },
      { id: byRavi.id, user: { id: ravi.id, displayName: 'Ravi Menon' }, bookedBy: ravi.id },
      { id: byAsha.id, user: { id: asha.id, displayName: 'Asha Rao' }, bookedBy: asha.id },
    ]);
    expect(listed.map((booking) => booking.id)).not.toContain(outsider.id);
  });

  it('lets staff book on a student’s behalf and records the staff member as bookedBy', async () => {
    const student = await newStudent('Meera Iyer');
    const { seats } = await newLibrary();
    const booking = await book(staff, { seatId: seats[0]!.id, userId: student.id, ...period(dayAt(2, '10:00'), 60) });
    expect(booking).toMatchObject({ status: 'CONFIRMED', user: { id: student.id }, bookedBy: { id: staff.id } });

    const [listed] = await bookingsOfTenant(owner, { libraryId: booking.library!.id });
    expect(listed).toMatchObject({ id: booking.id, user: { id: student.id, displayName: 'Meera Iyer' }, bookedBy: { id: staff.id } });
    const mine = (await must(stack.graphqlUrl, MyBookingsDocument, {}, student.token)).myBookings.nodes;
    expect(mine.map((node) => node.id)).toEqual([booking.id]);
  });

  it('forbids a student to book for another user and creates nothing', async () => {
    const student = await newStudent();
    const classmate = await newStudent();
    const { library, seats } = await newLibrary();
    const response = await attemptBooking(student, { seatId: seats[0]!.id, userId: classmate.id, ...period(dayAt(2, '10:00'), 60) });
    expectRefusal(response, 'FORBIDDEN');
    expect(await bookingsOfTenant(owner, { libraryId: library.id })).toEqual([]);
  });

  it('shows a booked seat as taken for an overlapping period and free for adjacent ones', async () => {
    const student = await newStudent();
    const { library, seats } = await newLibrary();
    const start = dayAt(2, '10:00');
    await book(student, { seatId: seats[0]!.id, ...period(start, 60) });

    expect(await availability(library.id, period(start, 60), student)).toEqual({ S01: false, S02: true, S03: true });
    expect(await availability(library.id, period(addMinutes(start, 30), 60), student)).toEqual({ S01: false, S02: true, S03: true });
    expect(await availability(library.id, period(addMinutes(start, -30), 60), student)).toEqual({ S01: false, S02: true, S03: true });
    expect(await availability(library.id, period(addMinutes(start, 60), 60), student)).toEqual({ S01: true, S02: true, S03: true });
    expect(await availability(library.id, period(addMinutes(start, -60), 60), student)).toEqual({ S01: true, S02: true, S03: true });
  });

  it('prices a booking from the library’s hourly price and the duration', async () => {
    const student = await newStudent();
    const { seats } = await newLibrary({ hourlyPrice: { amountMinor: 5000, currency: 'INR' } });
    const ninety = await book(student, { seatId: seats[0]!.id, ...period(dayAt(2, '10:00'), 90) });
    expect(ninety.price).toEqual({ amountMinor: 7500, currency: 'INR' });
    const half = await book(student, { seatId: seats[1]!.id, ...period(dayAt(2, '10:00'), 30) });
    expect(half.price).toEqual({ amountMinor: 2500, currency: 'INR' });
  });
});

describe('refusing invalid bookings', () => {
  it('refuses each invalid period with BAD_USER_INPUT and a message that says why, creating nothing', async () => {
    const student = await newStudent();
    const { library, seats } = await newLibrary({ rules: { slotMinutes: 30, maxBookingMinutes: 120 } });
    const seatId = seats[0]!.id;
    const tomorrow10 = dayAt(2, '10:00');
    const cases: [string, { startsAt: string; endsAt: string }, RegExp][] = [
      ['start in the past', period(addMinutes(nextSlot(0), -60), 30), /must start in the future/],
      ['end before start', { startsAt: tomorrow10.toISOString(), endsAt: addMinutes(tomorrow10, -30).toISOString() }, /must end after it starts/],
      ['end equal to start', { startsAt: tomorrow10.toISOString(), endsAt: tomorrow10.toISOString() }, /must end after it starts/],
      ['start off the slot grid', period(addMinutes(tomorrow10, 10), 30), /30-minute slots/],
      ['length off the slot grid', period(tomorrow10, 45), /30-minute slots/],
      ['longer than maxBookingMinutes', period(tomorrow10, 150), /at most 120 minutes/],
    ];
    for (const [name, when, message] of cases) {
      const response = await attemptBooking(student, { seatId, ...when });
      expect(errorCodes(response), name).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message, name).toMatch(message);
      expect(response.data ?? null, name).toBeNull();
    }
    expect(await bookingsOfTenant(owner, { libraryId: library.id })).toEqual([]);
  });

  it('accepts a booking from exactly opening time to exactly closing time in the library’s zone, and not one slot past either', async () => {
    const student = await newStudent();
    const { library, seats } = await newLibrary({ timezone: 'Asia/Kolkata', openingHours: everyDay('09:00', '18:00'), rules: { maxBookingMinutes: 600 } });
    const at = (clock: string) => dayAt(2, clock, IST);

    const outside: [string, { startsAt: string; endsAt: string }][] = [
      ['one slot before opening', period(at('08:30'), 60)],
      ['one slot past closing', period(at('17:30'), 60)],
      ['starting at closing', period(at('18:00'), 30)],
    ];
    for (const [name, when] of outside) {
      const response = await attemptBooking(student, { seatId: seats[0]!.id, ...when });
      expect(errorCodes(response), name).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message, name).toMatch(/open 09:00–18:00 that day \(Asia\/Kolkata\)/);
    }
    expect(await bookingsOfTenant(owner, { libraryId: library.id })).toEqual([]);

    const atOpening = await book(student, { seatId: seats[0]!.id, ...period(at('09:00'), 60) });
    const untilClosing = await book(student, { seatId: seats[0]!.id, ...period(at('17:00'), 60) });
    const wholeDay = await book(student, { seatId: seats[1]!.id, ...period(at('09:00'), 540) });
    expect(iso(atOpening.startsAt)).toBe(at('09:00').toISOString());
    expect(iso(untilClosing.endsAt)).toBe(at('18:00').toISOString());
    expect(iso(wholeDay.endsAt)).toBe(at('18:00').toISOString());
  });

  it('refuses an inactive seat, and lists it no more as available', async () => {
    const student = await newStudent();
    const { library, seats } = await newLibrary();
    const { deactivateSeat } = await must(stack.graphqlUrl, DeactivateSeatDocument, { id: seats[0]!.id }, owner.token);
    expect(deactivateSeat.active).toBe(false);

    const when = period(dayAt(2, '10:00'), 60);
    expectRefusal(await attemptBooking(student, { seatId: seats[0]!.id, ...when }), 'BAD_USER_INPUT', /Seat S01 cannot be booked/);
    expect(await availability(library.id, when, student)).toEqual({ S02: true, S03: true });
    expect(await bookingsOfTenant(owner, { libraryId: library.id })).toEqual([]);
  });

  it('refuses new bookings in a closed library but keeps existing ones', async () => {
    const student = await newStudent();
    const { library, seats } = await newLibrary();
    const existing = await book(student, { seatId: seats[0]!.id, ...period(dayAt(2, '10:00'), 60) });
    const { closeLibrary } = await must(stack.graphqlUrl, CloseLibraryDocument, { id: library.id }, owner.token);
    expect(closeLibrary.status).toBe('CLOSED');

    expectRefusal(await attemptBooking(student, { seatId: seats[1]!.id, ...period(dayAt(2, '10:00'), 60) }), 'BAD_USER_INPUT', new RegExp(`${library.name} is closed`));
    expect((await bookingsOfTenant(owner, { libraryId: library.id })).map((booking) => [booking.id, booking.status])).toEqual([[existing.id, 'CONFIRMED']]);
  });

  it('answers NOT_FOUND for a seat that does not exist', async () => {
    const student = await newStudent();
    const when = period(dayAt(2, '10:00'), 60);
    expectRefusal(await attemptBooking(student, { seatId: randomUUID(), ...when }), 'NOT_FOUND', /Seat not found/);
    expectRefusal(await attemptBooking(student, { seatId: 'not-an-id', ...when }), 'NOT_FOUND', /Seat not found/);
  });

  it('answers NOT_FOUND for another tenant’s seat', async () => {
    const other = await createTenant(stack.graphqlUrl, admin);
    const { seats } = await newLibrary({}, other.owner);
    const student = await newStudent();
    expectRefusal(await attemptBooking(student, { seatId: seats[0]!.id, ...period(dayAt(2, '10:00'), 60) }), 'NOT_FOUND');
    expect(await bookingsOfTenant(other.owner)).toEqual([]);
  });
});

describe('cancelling', () => {
  it('lets a student cancel before the cut-off, records when and why, and frees the slot', async () => {
    const student = await newStudent();
    const { library, seats } = await newLibrary({ rules: { cancellationCutoffMinutes: 60 } });
    const when = period(dayAt(2, '10:00'), 60);
    const booking = await book(student, { seatId: seats[0]!.id, ...when });

    const { cancelBooking } = await must(stack.graphqlUrl, CancelBookingDocument, { id: booking.id, reason: 'Exam moved' }, student.token);
    expect(cancelBooking).toMatchObject({ id: booking.id, status: 'CANCELLED', cancellationReason: 'Exam moved', checkedInAt: null });
    expect(cancelBooking.cancelledAt).not.toBeNull();

    expect(await availability(library.id, when, student)).toMatchObject({ S01: true });
    const again = await book(await newStudent(), { seatId: seats[0]!.id, ...when });
    expect(again.status).toBe('CONFIRMED');
  });

  it('refuses a student after the cut-off but lets the owner cancel any time', async () => {
    const student = await newStudent();
    const { seats } = await newLibrary({ rules: { cancellationCutoffMinutes: 7 * 24 * 60 } });
    const booking = await book(student, { seatId: seats[0]!.id, ...period(dayAt(1, '10:00'), 60) });

    expectRefusal(await attemptCancel(student, booking.id), 'BAD_USER_INPUT', /too late to cancel/);
    const { cancelBooking } = await must(stack.graphqlUrl, CancelBookingDocument, { id: booking.id }, owner.token);
    expect(cancelBooking.status).toBe('CANCELLED');
  });

  it('forbids staff to cancel', async () => {
    const student = await newStudent();
    const { seats } = await newLibrary();
    const booking = await book(student, { seatId: seats[0]!.id, ...period(dayAt(2, '10:00'), 60) });
    expectRefusal(await attemptCancel(staff, booking.id), 'FORBIDDEN');
    const [listed] = await bookingsOfTenant(owner, { libraryId: booking.library!.id });
    expect(listed).toMatchObject({ id: booking.id, status: 'CONFIRMED', cancelledAt: null });
  });

  it('refuses to cancel a booking twice', async () => {
    const student = await newStudent();
    const { seats } = await newLibrary();
    const byStudent = await book(student, { seatId: seats[0]!.id, ...period(dayAt(2, '10:00'), 60) });
    const byOwner = await book(student, { seatId: seats[1]!.id, ...period(dayAt(2, '10:00'), 60) });

    await must(stack.graphqlUrl, CancelBookingDocument, { id: byStudent.id }, student.token);
    expectRefusal(await attemptCancel(student, byStudent.id), 'BAD_USER_INPUT', /already cancelled/);
    await must(stack.graphqlUrl, CancelBookingDocument, { id: byOwner.id }, owner.token);
    expectRefusal(await attemptCancel(owner, byOwner.id), 'BAD_USER_INPUT', /already cancelled/);
  });
});

describe('checking in', () => {
  it('checks a student in within the window, once', async () => {
    const student = await newStudent();
    const { seats } = await newLibrary({ rules: { checkInWindowMinutes: 60 } });
    const booking = await book(student, { seatId: seats[0]!.id, ...period(nextSlot(1), 30) });

    const { checkIn } = await must(stack.graphqlUrl, CheckInDocument, { bookingId: booking.id }, student.token);
    expect(checkIn).toMatchObject({ id: booking.id, status: 'CHECKED_IN', cancelledAt: null });
    expect(checkIn.checkedInAt).not.toBeNull();
    expectRefusal(await attemptCheckIn(student, booking.id), 'BAD_USER_INPUT', /already checked in/);
    expectRefusal(await attemptCancel(owner, booking.id), 'BAD_USER_INPUT', /checked-in booking cannot be cancelled/);
  });

  it('lets staff check in a student’s booking', async () => {
    const student = await newStudent();
    const { seats } = await newLibrary({ rules: { checkInWindowMinutes: 60 } });
    const booking = await book(student, { seatId: seats[0]!.id, ...period(nextSlot(1), 30) });
    const { checkIn } = await must(stack.graphqlUrl, CheckInDocument, { bookingId: booking.id }, staff.token);
    expect(checkIn).toMatchObject({ status: 'CHECKED_IN', user: { id: student.id } });
    expectRefusal(await attemptCheckIn(staff, booking.id), 'BAD_USER_INPUT', /already checked in/);
  });

  it('refuses check-in outside the window', async () => {
    const student = await newStudent();
    const { seats } = await newLibrary({ rules: { checkInWindowMinutes: 60 } });
    const booking = await book(student, { seatId: seats[0]!.id, ...period(dayAt(2, '10:00'), 60) });
    expectRefusal(await attemptCheckIn(student, booking.id), 'BAD_USER_INPUT', /Check-in is not open/);
    expectRefusal(await attemptCheckIn(staff, booking.id), 'BAD_USER_INPUT', /Check-in is not open/);
    const [listed] = await bookingsOfTenant(owner, { libraryId: booking.library!.id });
    expect(listed).toMatchObject({ status: 'CONFIRMED', checkedInAt: null });
  });
});

describe('failures leave nothing behind', () => {
  it('publishes one event per successful change and none for refused ones', async () => {
    const student = await newStudent();
    const rival = await newStudent();
    const { library, seats } = await newLibrary({ rules: { checkInWindowMinutes: 60 } });
    const soon = period(nextSlot(1), 30);
    const later = period(dayAt(2, '10:00'), 60);
    const recorder = await recordEvents(stack.bus);
    try {
      const checkedIn = await book(student, { seatId: seats[0]!.id, ...soon });
      const count = (await bookingsOfTenant(owner, { libraryId: library.id })).length;

      expectRefusal(await attemptBooking(rival, { seatId: seats[0]!.id, ...soon }), 'BOOKING_CONFLICT');
      expectRefusal(await attemptBooking(rival, { seatId: seats[1]!.id, ...period(addMinutes(nextSlot(0), -60), 30) }), 'BAD_USER_INPUT');
      expectRefusal(await attemptBooking(rival, { seatId: seats[1]!.id, ...period(dayAt(2, '10:10'), 30) }), 'BAD_USER_INPUT');
      expect(await bookingsOfTenant(owner, { libraryId: library.id })).toHaveLength(count);

      const cancelled = await book(rival, { seatId: seats[1]!.id, ...later });
      await must(stack.graphqlUrl, CancelBookingDocument, { id: cancelled.id }, rival.token);
      expectRefusal(await attemptCancel(rival, cancelled.id), 'BAD_USER_INPUT');
      expectRefusal(await attemptCancel(staff, checkedIn.id), 'FORBIDDEN');
      await must(stack.graphqlUrl, CheckInDocument, { bookingId: checkedIn.id }, student.token);
      expectRefusal(await attemptCheckIn(student, checkedIn.id), 'BAD_USER_INPUT');

      const keys = (booking: typeof checkedIn, userId: string) => ({ bookingId: booking.id, seatId: booking.seat!.id, libraryId: library.id, userId });
      const expected = [
        { type: 'BOOKING_CREATED', tenantId: tenant.id, keys: keys(checkedIn, student.id) },
        { type: 'BOOKING_CREATED', tenantId: tenant.id, keys: keys(cancelled, rival.id) },
        { type: 'BOOKING_CANCELLED', tenantId: tenant.id, keys: keys(cancelled, rival.id) },
        { type: 'BOOKING_CHECKED_IN', tenantId: tenant.id, keys: keys(checkedIn, student.id) },
      ];
      const ofLibrary = () => recorder.events.filter((event) => event.keys.libraryId === library.id);
      await expect.poll(() => ofLibrary().length, { timeout: 2_500 }).toBeGreaterThanOrEqual(expected.length);
      // Give a stray event from a refused operation time to arrive as well.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const received = ofLibrary().map(({ type, tenantId, keys }) => ({ type, tenantId, keys }));
      expect(received).toHaveLength(expected.length);
      expect(received).toEqual(expect.arrayContaining(expected));
    } finally {
      await recorder.stop();
    }
  });
});

describe('pages', () => {
  it('pages through the tenant’s bookings, newest start first', async () => {
    const student = await newStudent();
    const { library, seats } = await newLibrary();
    const made = [];
    for (const clock of ['09:00', '10:00', '11:00', '12:00', '13:00']) made.push(await book(student, { seatId: seats[0]!.id, ...period(dayAt(2, clock), 60) }));
    const expected = made.map((booking) => booking.id).reverse();

    const seen: string[] = [];
    const more: boolean[] = [];
    let after: string | null = null;
    do {
      const { bookings }: { bookings: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await must(
        stack.graphqlUrl,
        TenantBookingsDocument,
        { filter: { libraryId: library.id }, first: 2, after },
        owner.token,
      );
      seen.push(...bookings.nodes.map((node) => node.id));
      more.push(bookings.pageInfo.hasNextPage);
      after = bookings.pageInfo.hasNextPage ? bookings.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
    expect(more).toEqual([true, true, false]);
  });

  it('pages through a library’s seats in label order', async () => {
    const { library, seats } = await newLibrary({ seats: 5 });
    const first = await must(stack.graphqlUrl, LibrarySeatsDocument, { id: library.id, first: 2 }, owner.token);
    const second = await must(stack.graphqlUrl, LibrarySeatsDocument, { id: library.id, first: 2, after: first.library!.seats.pageInfo.endCursor }, owner.token);
    const third = await must(stack.graphqlUrl, LibrarySeatsDocument, { id: library.id, first: 2, after: second.library!.seats.pageInfo.endCursor }, owner.token);
    const pages = [first, second, third].map(({ library }) => library!.seats);
    expect(pages.map((page) => page.nodes.map((seat) => seat.label))).toEqual([['S01', 'S02'], ['S03', 'S04'], ['S05']]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.flatMap((page) => page.nodes.map((seat) => seat.id))).toEqual(seats.map((seat) => seat.id));
  });

  it('pages through a user’s own bookings read from me', async () => {
    const student = await newStudent();
    const { seats } = await newLibrary();
    const made = [];
    for (const clock of ['09:00', '10:00', '11:00']) made.push(await book(student, { seatId: seats[1]!.id, ...period(dayAt(3, clock), 60) }));

    const first = await must(stack.graphqlUrl, MyBookingsAsUserDocument, { first: 2 }, student.token);
    expect(first.me!.id).toBe(student.id);
    expect(first.me!.bookings.nodes.map((node) => node.id)).toEqual([made[2]!.id, made[1]!.id]);
    expect(first.me!.bookings.pageInfo.hasNextPage).toBe(true);
    const second = await must(stack.graphqlUrl, MyBookingsAsUserDocument, { first: 2, after: first.me!.bookings.pageInfo.endCursor }, student.token);
    expect(second.me!.bookings.nodes.map((node) => node.id)).toEqual([made[0]!.id]);
    expect(second.me!.bookings.pageInfo.hasNextPage).toBe(false);
  });
});

describe('libraries', () => {
  it('returns opening hours, rules and hourly price as created, also when read again', async () => {
    const input = libraryInput({
      name: `Reading Room ${unique()}`,
      timezone: 'Asia/Kolkata',
      openingHours: [
        { weekday: 'MONDAY', opensAt: '08:00', closesAt: '22:00' },
        { weekday: 'WEDNESDAY', opensAt: '07:30', closesAt: '21:30' },
        { weekday: 'SATURDAY', opensAt: '10:00', closesAt: '24:00' },
      ],
      hourlyPrice: { amountMinor: 4250, currency: 'INR' },
      rules: { slotMinutes: 15, maxBookingMinutes: 180, cancellationCutoffMinutes: 120, checkInWindowMinutes: 20 },
    });
    const { createLibrary } = await must(stack.graphqlUrl, CreateLibraryDocument, { input }, owner.token);
    const { id, createdAt, ...created } = createLibrary;
    expect(created).toEqual({ ...input, status: 'OPEN' });

    const { library } = await must(stack.graphqlUrl, LibraryDocument, { id }, owner.token);
    expect(library).toEqual(createLibrary);
  });

  it('changes hours, rules and price with updateLibrary', async () => {
    const { library } = await newLibrary({ seats: 0 });
    const input = {
      name: `Renamed ${unique()}`,
      openingHours: [{ weekday: 'SUNDAY' as const, opensAt: '12:00', closesAt: '16:00' }],
      hourlyPrice: { amountMinor: 9900, currency: 'INR' },
      rules: { slotMinutes: 60, maxBookingMinutes: 120, cancellationCutoffMinutes: 0, checkInWindowMinutes: 10 },
    };
    const { updateLibrary } = await must(stack.graphqlUrl, UpdateLibraryDocument, { id: library.id, input }, owner.token);
    expect(updateLibrary).toEqual({ ...library, ...input });
    const { library: reread } = await must(stack.graphqlUrl, LibraryDocument, { id: library.id }, staff.token);
    expect(reread).toEqual(updateLibrary);
  });

  it('refuses a seat label the library already has, adding or renaming, with BAD_USER_INPUT on label, and changes nothing', async () => {
    const { library, seats } = await newLibrary({ seats: 2 });
    const add = await request(stack.graphqlUrl, 'mutation($libraryId: ID!) { addSeats(libraryId: $libraryId, seats: [{ label: "S09" }, { label: "S01" }]) { id } }', { libraryId: library.id }, owner.token);
    expectRefusal(add, 'BAD_USER_INPUT', /unique within a library/);
    expect(add.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'label' });
    const rename = await request(stack.graphqlUrl, 'mutation($id: ID!) { updateSeat(id: $id, input: { label: "S01" }) { id } }', { id: seats[1]!.id }, owner.token);
    expectRefusal(rename, 'BAD_USER_INPUT', /unique within a library/);
    const { library: after } = await must(stack.graphqlUrl, LibrarySeatsDocument, { id: library.id, first: 10 }, owner.token);
    expect(after?.seats.nodes.map((seat) => seat.label)).toEqual(['S01', 'S02']);
  });

  it('forbids staff and students to create libraries', async () => {
    const student = await newStudent();
    for (const member of [staff, student]) {
      expectRefusal(await request(stack.graphqlUrl, CreateLibraryDocument, { input: libraryInput() }, member.token), 'FORBIDDEN');
    }
  });
});

describe('odd but harmless input', () => {
  it('answers a bookings filter that ends before it starts with BAD_USER_INPUT, not a server error', async () => {
    const response = await request(
      stack.graphqlUrl,
      'query($filter: BookingFilter) { bookings(filter: $filter) { nodes { id } } }',
      { filter: { from: '2030-01-02T00:00:00Z', to: '2030-01-01T00:00:00Z' } },
      owner.token,
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('returns a seat unchanged when an update names no change', async () => {
    const { seats } = await createLibraryWithSeats(stack.graphqlUrl, owner, { seats: 1 });
    const response = await request(stack.graphqlUrl, 'mutation($id: ID!) { updateSeat(id: $id, input: {}) { id label } }', { id: seats[0]!.id }, owner.token);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ updateSeat: { id: seats[0]!.id, label: seats[0]!.label } });
  });
});
