import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { IsoAddSeatsDocument, IsoCreateBookingDocument, IsoCreateLibraryDocument, type Weekday } from '../../../test/__generated__/operations.js';
import { must } from '../../../test/support/client.js';
import { defineRlsSeeds } from '../../../test/support/rls-kit.js';

const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export default defineRlsSeeds({
  tenantTables: ['libraries', 'seats', 'bookings', 'booking_policies', 'tenant_members', 'outbox_events'],

  async seedTenant(trx, tenantId) {
    const library = await trx
      .insertInto('libraries')
      .values({
        tenant_id: tenantId,
        name: 'Seeded library',
        address: 'Seeded address',
        timezone: 'Asia/Kolkata',
        opening_hours: JSON.stringify([{ weekday: 1, opens: 0, closes: 1440 }]),
        hourly_price_minor: 5000,
        currency: 'INR',
        slot_minutes: 30,
        max_booking_minutes: 240,
        cancellation_cutoff_minutes: 60,
        check_in_window_minutes: 15,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const seat = await trx.insertInto('seats').values({ tenant_id: tenantId, library_id: library.id, label: 'S1' }).returning('id').executeTakeFirstOrThrow();
    const startsAt = new Date(Date.UTC(2030, 0, 7, 4, 30));
    const endsAt = new Date(startsAt.getTime() + 3_600_000);
    const student = randomUUID();
    await trx.insertInto('tenant_members').values({ tenant_id: tenantId, user_id: student, active: true }).execute();
    await trx
      .insertInto('bookings')
      .values({
        tenant_id: tenantId,
        library_id: library.id,
        seat_id: seat.id,
        user_id: student,
        booked_by: student,
        period: sql`tstzrange(${startsAt}, ${endsAt}, '[)')`,
        price_minor: 5000,
        currency: 'INR',
      })
      .execute();
    await trx.insertInto('booking_policies').values({ tenant_id: tenantId, payment_required: true, hold_seconds: 600 }).execute();
    await trx
      .insertInto('outbox_events')
      .values({ id: randomUUID(), tenant_id: tenantId, type: 'TEST_SEEDED', keys: JSON.stringify({ libraryId: library.id }), published_at: new Date() })
      .execute();
  },

  /** A library with a seat and a student's booking of it (and so its outbox event). */
  async throughApi({ graphqlUrl }, tenant, student) {
    const { createLibrary } = await must(
      graphqlUrl,
      IsoCreateLibraryDocument,
      {
        input: {
          name: `Library of ${tenant.slug}`,
          address: '12 MG Road, Bengaluru',
          timezone: 'Asia/Kolkata',
          openingHours: WEEKDAYS.map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '24:00' })),
          hourlyPrice: { amountMinor: 5000, currency: 'INR' },
          rules: { slotMinutes: 30, maxBookingMinutes: 240, cancellationCutoffMinutes: 60, checkInWindowMinutes: 15 },
        },
      },
      tenant.owner.token,
    );
    const { addSeats } = await must(graphqlUrl, IsoAddSeatsDocument, { libraryId: createLibrary.id, seats: [{ label: 'S1' }] }, tenant.owner.token);
    // Half an hour on the next half-hour slot an hour or more ahead: inside round-the-clock hours whatever the time.
    const slot = 30 * 60_000;
    const startsAt = new Date(Math.ceil((Date.now() + 60 * 60_000) / slot) * slot);
    const endsAt = new Date(startsAt.getTime() + slot);
    await must(graphqlUrl, IsoCreateBookingDocument, { input: { seatId: addSeats[0]!.id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } }, student.token);
  },
});
