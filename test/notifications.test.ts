import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CarrelEvent } from '../common/events/event.js';
import {
  AddCommunityMemberDocument,
  CreateBookingDocument,
  CreateCommunityDocument,
  CreatePostDocument,
  MarkNotificationsReadDocument,
  HidePostDocument,
  MyNotificationPreferencesDocument,
  MyNotificationsDocument,
  SendSystemMessageDocument,
  SetNotificationPreferenceDocument,
} from './__generated__/operations.js';
import { errorCodes, must, request } from './support/client.js';
import { createLibraryWithSeats, nextSlot, period } from './support/library-kit.js';
import { metricSum } from './support/metrics.js';
import { createTenant, registerStudent, type Member } from './support/seed-kit.js';
import type { TestStack } from './support/stack.js';
import { subscriptionTestBed, untilLive } from './support/subscription-client.js';

let stack: TestStack;
let admin: Member;
const clients = subscriptionTestBed((bed) => ({ stack, admin } = bed));

interface NotificationPayload {
  myNotifications: { notification: { kind: string; title: string; subject: { key: string; id: string }[]; read: boolean } | null };
}
const MY_NOTIFICATIONS = `subscription { myNotifications { notification { kind title subject { key id } read } } }`;
const notificationsOf = async (member: Member, unreadOnly = false) => (await must(stack.graphqlUrl, MyNotificationsDocument, { unreadOnly, first: 50 }, member.token)).myNotifications.nodes;

const listen = (member: Member) => clients.connect(member).subscribe<NotificationPayload>(MY_NOTIFICATIONS);

describe('in-app notifications', () => {
  it('tell a student of their booking and the owner of a new booking, live within a second, and nobody of another tenant', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const other = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    const { seats } = await createLibraryWithSeats(stack.graphqlUrl, tenant.owner, { seats: 1 });
    const [students, owners, strangers] = [student, tenant.owner, other.owner].map(listen);
    const probe = (tenantId: string, recipient: string) => ({ tenantId, type: 'NOTIFICATION_CREATED' as const, keys: { notificationId: '00000000-0000-4000-8000-000000000000', recipient } });
    await untilLive(students!, stack.bus, probe(tenant.id, `user:${student.id}`));
    await untilLive(owners!, stack.bus, probe(tenant.id, 'role:OWNER'));
    await untilLive(strangers!, stack.bus, probe(other.id, 'role:OWNER'));
    for (const subscription of [students, owners, strangers]) subscription!.events.length = 0;

    const started = Date.now();
    const { createBooking } = await must(stack.graphqlUrl, CreateBookingDocument, { input: { seatId: seats[0]!.id, ...period(nextSlot(120), 60) } }, student.token);
    await expect.poll(() => students!.events.length + owners!.events.length, { timeout: 1_000, interval: 10 }).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_000);
    const bookingSubject = expect.arrayContaining([{ key: 'bookingId', id: createBooking.id }]);
    expect(students!.events[0]!.result).toEqual({ data: { myNotifications: { notification: { kind: 'BOOKING_CREATED', title: 'Your booking is made.', subject: bookingSubject, read: false } } } });
    expect(owners!.events[0]!.result).toEqual({ data: { myNotifications: { notification: { kind: 'BOOKING_CREATED', title: 'A student booked a seat.', subject: bookingSubject, read: false } } } });
    expect(strangers!.events).toEqual([]);
    expect((await notificationsOf(other.owner)).map((notification) => notification.kind)).not.toContain('BOOKING_CREATED');
  });

  it('are read once marked, by each reader on their own, and only the viewer’s own can be marked', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    // The owner hears of the student joining.
    await expect.poll(async () => (await notificationsOf(tenant.owner)).map((notification) => notification.kind)).toContain('USER_JOINED');
    const unread = await notificationsOf(tenant.owner, true);
    const joined = unread.find((notification) => notification.kind === 'USER_JOINED' && notification.subject.some((subject) => subject.id === student.id))!;
    expect(await must(stack.graphqlUrl, MarkNotificationsReadDocument, { ids: [joined.id] }, student.token)).toEqual({ markNotificationsRead: 0 });
    expect(await must(stack.graphqlUrl, MarkNotificationsReadDocument, { ids: [joined.id] }, tenant.owner.token)).toEqual({ markNotificationsRead: 1 });
    expect((await notificationsOf(tenant.owner)).find((notification) => notification.id === joined.id)?.read).toBe(true);
    expect(await must(stack.graphqlUrl, MarkNotificationsReadDocument, { all: true }, tenant.owner.token)).toEqual({ markNotificationsRead: unread.length - 1 });
    expect(await notificationsOf(tenant.owner, true)).toEqual([]);
    expect(errorCodes(await request(stack.graphqlUrl, MarkNotificationsReadDocument, {}, tenant.owner.token))).toEqual(['BAD_USER_INPUT']);

    // Another tenant's owner naming this owner's notification marks nothing, as for an id that exists nowhere.
    const other = await createTenant(stack.graphqlUrl, admin);
    const [mine] = await notificationsOf(tenant.owner);
    const { markNotificationsRead: none } = await must(stack.graphqlUrl, MarkNotificationsReadDocument, { ids: [mine!.id, '00000000-0000-4000-8000-000000000000'] }, other.owner.token);
    expect(none).toBe(0);
    expect(errorCodes(await request(stack.graphqlUrl, MyNotificationsDocument, {}, admin.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await request(stack.graphqlUrl, MyNotificationsDocument, {}))).toEqual(['UNAUTHENTICATED']);
  });

  it('carry platform admins’ system messages to a tenant’s owners only', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    const owners = listen(tenant.owner);
    await untilLive(owners, stack.bus, { tenantId: tenant.id, type: 'NOTIFICATION_CREATED', keys: { notificationId: '00000000-0000-4000-8000-000000000000', recipient: 'role:OWNER' } });
    owners.events.length = 0;
    const { sendSystemMessage } = await must(stack.graphqlUrl, SendSystemMessageDocument, { tenantId: tenant.id, title: 'Maintenance on Sunday 02:00–03:00 UTC.' }, admin.token);
    expect(sendSystemMessage).toMatchObject({ kind: 'SYSTEM_MESSAGE', read: false });
    await expect.poll(() => owners.events.length, { timeout: 1_000, interval: 10 }).toBe(1);
    expect((await notificationsOf(tenant.owner)).map((notification) => notification.id)).toContain(sendSystemMessage.id);
    expect((await notificationsOf(student)).map((notification) => notification.id)).not.toContain(sendSystemMessage.id);
    expect(errorCodes(await request(stack.graphqlUrl, SendSystemMessageDocument, { tenantId: tenant.id, title: 'Hi' }, tenant.owner.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await request(stack.graphqlUrl, SendSystemMessageDocument, { tenantId: '00000000-0000-4000-8000-000000000000', title: 'Hi' }, admin.token))).toEqual(['NOT_FOUND']);
  });

  it('tell an author of a reply to their post, and not of their own', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const [asha, ben] = await Promise.all(['Asha', 'Ben'].map((name) => registerStudent(stack.graphqlUrl, tenant.slug, name)));
    const { createCommunity } = await must(stack.graphqlUrl, CreateCommunityDocument, { input: { name: 'Group', kind: 'GROUP' } }, tenant.owner.token);
    for (const student of [asha!, ben!]) await must(stack.graphqlUrl, AddCommunityMemberDocument, { communityId: createCommunity.id, userId: student.id }, tenant.owner.token);
    const { createPost } = await must(stack.graphqlUrl, CreatePostDocument, { communityId: createCommunity.id, body: 'Question' }, asha!.token);
    await must(stack.graphqlUrl, CreatePostDocument, { communityId: createCommunity.id, body: 'Me too', replyToId: createPost.id }, asha!.token);
    const { createPost: reply } = await must(stack.graphqlUrl, CreatePostDocument, { communityId: createCommunity.id, body: 'Answer', replyToId: createPost.id }, ben!.token);
    await expect.poll(async () => (await notificationsOf(asha!)).filter((notification) => notification.kind === 'POST_CREATED')).toHaveLength(1);
    expect((await notificationsOf(asha!)).find((notification) => notification.kind === 'POST_CREATED')?.subject).toEqual(expect.arrayContaining([{ key: 'postId', id: reply.id }]));
  });

  it('are written for a burst of events in one unit of work: five bookings at once cost far fewer statements than five one by one', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const students = await Promise.all(Array.from({ length: 6 }, () => registerStudent(stack.graphqlUrl, tenant.slug)));
    // Their joining is handled (the owner's own and the six students'), so none of it is counted below.
    await expect.poll(async () => (await notificationsOf(tenant.owner)).filter((notification) => notification.kind === 'USER_JOINED')).toHaveLength(7);
    const booked = (student: Member): CarrelEvent => ({
      id: randomUUID(),
      tenantId: tenant.id,
      type: 'BOOKING_CREATED',
      occurredAt: new Date().toISOString(),
      keys: { bookingId: randomUUID(), seatId: randomUUID(), libraryId: randomUUID(), userId: student.id },
    });
    const statements = () => metricSum(stack.metricsUrl!, 'carrel_sql_statements_total', { service: 'communities' });
    /** The communities subgraph's statements from publishing `events` at once until they are all handled; nothing else asks it meanwhile. */
    const spentOn = async (events: CarrelEvent[]) => {
      const told: string[] = [];
      const stopListening = await stack.bus.subscribeTenant(tenant.id, (event) => void (event.type === 'NOTIFICATION_CREATED' && told.push(event.id)));
      const before = await statements();
      // As the outbox relay publishes what was committed together.
      await stack.bus.publish(events);
      // Each booking tells its student and the tenant's owners.
      await expect.poll(() => told.length).toBe(2 * events.length);
      await stopListening();
      // The outbox marks those published once handed over: until the count settles.
      let [previous, now] = [-1, await statements()];
      while (now !== previous) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        [previous, now] = [now, await statements()];
      }
      return now - before;
    };
    const one = await spentOn([booked(students[0]!)]);
    const five = await spentOn(students.slice(1).map(booked));
    expect((await notificationsOf(tenant.owner)).filter((notification) => notification.kind === 'BOOKING_CREATED')).toHaveLength(6);
    for (const student of students) expect((await notificationsOf(student)).map((notification) => notification.kind)).toContain('BOOKING_CREATED');
    // One by one, five would cost five times one's statements.
    expect(five).toBeLessThan(2 * one);
  });

  it('follow each member’s preferences: a kind turned off in-app is not listed, and one chosen by email arrives as an email', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    const { createCommunity } = await must(stack.graphqlUrl, CreateCommunityDocument, { input: { name: 'Prefs', kind: 'GROUP' } }, tenant.owner.token);
    await must(stack.graphqlUrl, AddCommunityMemberDocument, { communityId: createCommunity.id, userId: student.id }, tenant.owner.token);
    expect((await must(stack.graphqlUrl, MyNotificationPreferencesDocument, {}, student.token)).myNotificationPreferences).toContainEqual({ kind: 'POST_HIDDEN', channels: ['IN_APP'] });
    const { setNotificationPreference } = await must(stack.graphqlUrl, SetNotificationPreferenceDocument, { kind: 'POST_HIDDEN', channels: ['EMAIL'] }, student.token);
    expect(setNotificationPreference).toEqual({ kind: 'POST_HIDDEN', channels: ['EMAIL'] });

    const post = async (body: string) => (await must(stack.graphqlUrl, CreatePostDocument, { communityId: createCommunity.id, body }, student.token)).createPost.id;
    await must(stack.graphqlUrl, HidePostDocument, { id: await post('First'), reason: 'Off topic' }, tenant.owner.token);
    await expect.poll(() => stack.mailbox.messages.filter((mail) => mail.to.includes(student.email) && mail.subject === 'A moderator hid your post.').length, { timeout: 5_000 }).toBe(1);
    expect((await notificationsOf(student)).map((notification) => notification.kind)).not.toContain('POST_HIDDEN');

    // Back in-app: the hidden kind shows again, the earlier one included.
    await must(stack.graphqlUrl, SetNotificationPreferenceDocument, { kind: 'POST_HIDDEN', channels: ['IN_APP'] }, student.token);
    expect((await notificationsOf(student)).filter((notification) => notification.kind === 'POST_HIDDEN')).toHaveLength(1);
  });

  it('preferences name a known kind and the free channels only', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    const set = (kind: string, channels: ('IN_APP' | 'EMAIL' | 'SMS' | 'WHATSAPP')[]) => request(stack.graphqlUrl, SetNotificationPreferenceDocument, { kind, channels }, student.token);
    expect(errorCodes(await set('NOT_A_KIND', ['IN_APP']))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await set('BOOKING_CREATED', ['SMS']))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await request(stack.graphqlUrl, SetNotificationPreferenceDocument, { kind: 'BOOKING_CREATED', channels: [] }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await request(stack.graphqlUrl, SetNotificationPreferenceDocument, { kind: 'BOOKING_CREATED', channels: [] }, admin.token))).toEqual(['FORBIDDEN']);
    expect((await set('BOOKING_CREATED', [])).data?.setNotificationPreference).toEqual({ kind: 'BOOKING_CREATED', channels: [] });
  });
});
