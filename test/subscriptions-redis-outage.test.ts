import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateBookingDocument } from './__generated__/operations.js';
import { must } from './support/client.js';
import { addMinutes, createLibraryWithSeats, dayAt } from './support/library-kit.js';
import { OwnRedis } from './support/own-redis.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { startTestStack, type TestStack } from './support/stack.js';
import { pause, subscriptionClient, untilLive, type SubscriptionClient } from './support/subscription-client.js';

describe.skipIf(!process.env.REDIS_URL)('subscriptions across a Redis outage', () => {
  let redis: OwnRedis;
  let stack: TestStack;
  let tenant: TenantFixture;
  let student: Member;
  let seatIds: string[];
  let client: SubscriptionClient | undefined;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    stack = await startTestStack({ env: { REDIS_URL: redis.url } });
    const admin = await loginAdmin(stack.graphqlUrl);
    tenant = await createTenant(stack.graphqlUrl, admin);
    student = await registerStudent(stack.graphqlUrl, tenant.slug);
    seatIds = (await createLibraryWithSeats(stack.graphqlUrl, tenant.owner)).seats.map((seat) => seat.id);
  });
  afterAll(async () => {
    await client?.dispose();
    // Redis back first, so nothing waits on it while stopping.
    await redis?.start();
    await stack?.stop();
    await redis?.kill();
  });

  it('delivers the bookings made while Redis was down, each exactly once, after it is back', async () => {
    client = subscriptionClient(stack.graphqlUrl, tenant.owner.token);
    const events = client.subscribe<{ bookingEvents: { type: string; booking: { id: string } | null } }>(`subscription { bookingEvents { type booking { id } } }`);
    await untilLive(events, stack.bus, { tenantId: tenant.id, type: 'BOOKING_CREATED', keys: { bookingId: randomUUID(), seatId: randomUUID(), libraryId: randomUUID(), userId: randomUUID() } });

    await redis.kill();
    const made: string[] = [];
    for (const [index, seatId] of seatIds.entries()) {
      const startsAt = dayAt(2, `1${index}:00`);
      const input = { seatId, startsAt: startsAt.toISOString(), endsAt: addMinutes(startsAt, 60).toISOString() };
      made.push((await must(stack.graphqlUrl, CreateBookingDocument, { input }, student.token)).createBooking.id);
    }
    expect(made).toHaveLength(3);
    await pause(500);
    expect(events.events).toEqual([]);

    await redis.start();
    await expect.poll(() => events.events.length, { timeout: 10_000, interval: 100 }).toBeGreaterThanOrEqual(3);
    // Time for a duplicate to show up, if the relay or a reader's resume were to send one.
    await pause(1_500);

    const received = events.events.map(({ result }) => result);
    expect(received).toHaveLength(3);
    expect(received).toEqual(expect.arrayContaining(made.map((id) => ({ data: { bookingEvents: { type: 'CREATED', booking: { id } } } }))));
    expect(client.closeCodes).toEqual([]);
  });
});
