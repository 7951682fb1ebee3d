import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ChangePasswordDocument,
  CreateUserDocument,
  DisableUserDocument,
  LoginDocument,
  MeDocument,
  RefreshSessionDocument,
  RegisterDocument,
  SetUserRoleDocument,
  UpdateContactDocument,
  UpdateProfileDocument,
  UserContactDocument,
  UsersDocument,
  type UsersQuery,
  type UsersQueryVariables,
} from './__generated__/operations.js';
import { errorCodes, must, request } from './support/client.js';
import { createMember, createTenant, login, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let admin: Member;
let tenantA: TenantFixture;
let tenantB: TenantFixture;
let studentsA: Member[];
let studentsB: Member[];

const unique = () => randomBytes(4).toString('hex');
const newEmail = (label: string) => `${label}-${unique()}@example.test`;
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const listUsers = (viewer: Member, variables: UsersQueryVariables = {}) => must(stack.graphqlUrl, UsersDocument, { first: 100, ...variables }, viewer.token);
const idsOf = (users: UsersQuery['users']) => users.nodes.map((user) => user.id);
const tenantIdsOf = (users: UsersQuery['users']) => [...new Set(users.nodes.map((user) => user.tenant?.id ?? null))];

async function loginCodes(email: string, password: string, tenantSlug?: string) {
  const response = await request(stack.graphqlUrl, LoginDocument, { input: { email, password, ...(tenantSlug ? { tenantSlug } : {}) } });
  return { codes: errorCodes(response), messages: (response.errors ?? []).map((error) => error.message) };
}

beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
  tenantA = await createTenant(stack.graphqlUrl, admin);
  tenantB = await createTenant(stack.graphqlUrl, admin);
  studentsA = [await registerStudent(stack.graphqlUrl, tenantA.slug), await registerStudent(stack.graphqlUrl, tenantA.slug)];
  studentsB = [await registerStudent(stack.graphqlUrl, tenantB.slug), await registerStudent(stack.graphqlUrl, tenantB.slug)];
});

describe('listing users', () => {
  it('shows an owner their own tenant’s users and none of another tenant’s', async () => {
    const { users } = await listUsers(tenantA.owner);
    expect(idsOf(users)).toEqual(expect.arrayContaining([tenantA.owner.id, ...studentsA.map((student) => student.id)]));
    for (const foreign of [tenantB.owner, ...studentsB]) expect(idsOf(users)).not.toContain(foreign.id);
    expect(tenantIdsOf(users)).toEqual([tenantA.id]);

    const fromB = await listUsers(tenantB.owner);
    for (const foreign of [tenantA.owner, ...studentsA]) expect(idsOf(fromB.users)).not.toContain(foreign.id);
  });

  it('answers NOT_FOUND when an owner names another tenant', async () => {
    const response = await request(stack.graphqlUrl, UsersDocument, { tenantId: tenantB.id }, tenantA.owner.token);
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });

  it('filters by role', async () => {
    const students = await listUsers(tenantA.owner, { role: 'STUDENT' });
    expect(students.users.nodes.length).toBeGreaterThanOrEqual(studentsA.length);
    expect(students.users.nodes.every((user) => user.role === 'STUDENT')).toBe(true);
    expect(idsOf(students.users)).toEqual(expect.arrayContaining(studentsA.map((student) => student.id)));
    expect(idsOf(students.users)).not.toContain(tenantA.owner.id);

    const owners = await listUsers(tenantA.owner, { role: 'OWNER' });
    expect(owners.users.nodes.every((user) => user.role === 'OWNER')).toBe(true);
    expect(idsOf(owners.users)).toContain(tenantA.owner.id);
  });

  it('refuses a student with FORBIDDEN', async () => {
    const response = await request(stack.graphqlUrl, UsersDocument, {}, studentsA[0]!.token);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('lets staff list their tenant’s users', async () => {
    const staff = await createMember(stack.graphqlUrl, tenantA.owner, tenantA.id, tenantA.slug, 'STAFF');
    const { users } = await listUsers(staff);
    expect(idsOf(users)).toEqual(expect.arrayContaining([staff.id, tenantA.owner.id, ...studentsA.map((student) => student.id)]));
    expect(tenantIdsOf(users)).toEqual([tenantA.id]);
  });
});

describe('paging through users', () => {
  let paged: TenantFixture;

  beforeAll(async () => {
    paged = await createTenant(stack.graphqlUrl, admin);
    for (let i = 0; i < 4; i += 1) await registerStudent(stack.graphqlUrl, paged.slug);
  });

  // The tenant is named explicitly so this checks paging alone; the default scope has its own tests above.
  it('walks every user once, two at a time, with hasNextPage false only on the last page', async () => {
    const all = idsOf((await listUsers(paged.owner, { tenantId: paged.id })).users);
    expect(all).toHaveLength(5);

    const pages: UsersQuery['users'][] = [];
    let after: string | null = null;
    do {
      const { users }: UsersQuery = await must(stack.graphqlUrl, UsersDocument, { first: 2, after, tenantId: paged.id }, paged.owner.token);
      pages.push(users);
      after = users.pageInfo.hasNextPage ? users.pageInfo.endCursor : null;
    } while (after && pages.length < 10);

    expect(pages.map((page) => page.nodes.length)).toEqual([2, 2, 1]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
    const walked = pages.flatMap(idsOf);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(all);
  });

  it('accepts a page size of 100 and refuses 0 and 101 with BAD_USER_INPUT', async () => {
    expect(errorCodes(await request(stack.graphqlUrl, UsersDocument, { first: 100 }, paged.owner.token))).toEqual([]);
    for (const first of [0, 101, -1]) {
      expect(errorCodes(await request(stack.graphqlUrl, UsersDocument, { first }, paged.owner.token)), `first: ${first}`).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('refuses a cursor it did not hand out with BAD_USER_INPUT', async () => {
    const garbage = [
      'garbage',
      'not a cursor at all!',
      cursor({}),
      cursor(null),
      cursor(['yesterday', randomUUID()]),
      cursor([new Date().toISOString(), 'not-a-uuid']),
      cursor([1e20, randomUUID()]),
    ];
    for (const after of garbage) {
      const response = await request(stack.graphqlUrl, UsersDocument, { first: 2, after }, paged.owner.token);
      expect(errorCodes(response), `after: ${after}`).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('refuses a well-formed cursor dated before anything PostgreSQL can store with BAD_USER_INPUT, not an internal error', async () => {
    const date = '-271821-04-20T00:00:00.000Z';
    expect(Number.isNaN(new Date(date).getTime())).toBe(false);
    const response = await request(stack.graphqlUrl, UsersDocument, { first: 2, after: cursor([date, randomUUID()]) }, paged.owner.token);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('never answers a well-formed cursor with a five- or six-digit year with an internal error', async () => {
    for (const date of ['+010000-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z']) {
      const response = await request(stack.graphqlUrl, UsersDocument, { first: 2, after: cursor([date, randomUUID()]) }, paged.owner.token);
      expect.soft(errorCodes(response), date).not.toContain('INTERNAL_SERVER_ERROR');
    }
  });
});

describe('an owner managing users', () => {
  it('creates a user in their own tenant, whether or not they name it', async () => {
    for (const tenantId of [tenantA.id, undefined]) {
      const email = newEmail('created');
      const password = `pw-${unique()}-${unique()}`;
      const { createUser } = await must(
        stack.graphqlUrl,
        CreateUserDocument,
        { input: { ...(tenantId ? { tenantId } : {}), email, displayName: 'Created', role: 'STAFF', password } },
        tenantA.owner.token,
      );
      expect(createUser).toMatchObject({ email, role: 'STAFF', tenant: { id: tenantA.id } });
      const member = await login(stack.graphqlUrl, email, password, tenantA.slug);
      expect(member.id).toBe(createUser.id);
    }
  });

  it('gets NOT_FOUND creating a user in another tenant, and nobody is created', async () => {
    const email = newEmail('intruder');
    const password = `pw-${unique()}-${unique()}`;
    for (const tenantId of [tenantB.id, randomUUID()]) {
      const response = await request(
        stack.graphqlUrl,
        CreateUserDocument,
        { input: { tenantId, email, displayName: 'Intruder', role: 'OWNER', password } },
        tenantA.owner.token,
      );
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    }
    expect((await loginCodes(email, password, tenantB.slug)).codes).toEqual(['UNAUTHENTICATED']);
    expect((await loginCodes(email, password, tenantA.slug)).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('changes the role of their own tenant’s user, who then has that role', async () => {
    const student = await registerStudent(stack.graphqlUrl, tenantA.slug);
    const { setUserRole } = await must(stack.graphqlUrl, SetUserRoleDocument, { userId: student.id, role: 'STAFF' }, tenantA.owner.token);
    expect(setUserRole).toEqual({ id: student.id, role: 'STAFF' });

    const asStaff = await login(stack.graphqlUrl, student.email, student.password, tenantA.slug);
    expect((await must(stack.graphqlUrl, MeDocument, {}, asStaff.token)).me?.role).toBe('STAFF');
    expect(errorCodes(await request(stack.graphqlUrl, UsersDocument, {}, asStaff.token))).toEqual([]);
  });

  it('gets NOT_FOUND changing the role of another tenant’s user, whose role stays', async () => {
    const victim = studentsB[0]!;
    const response = await request(stack.graphqlUrl, SetUserRoleDocument, { userId: victim.id, role: 'OWNER' }, tenantA.owner.token);
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    const { users } = await listUsers(tenantB.owner);
    expect(users.nodes.find((user) => user.id === victim.id)?.role).toBe('STUDENT');
  });

  it('disables their own tenant’s user, who can no longer log in or refresh', async () => {
    const student = await registerStudent(stack.graphqlUrl, tenantA.slug);
    const { disableUser } = await must(stack.graphqlUrl, DisableUserDocument, { userId: student.id }, tenantA.owner.token);
    expect(disableUser).toEqual({ id: student.id, status: 'DISABLED' });

    const loginAttempt = await loginCodes(student.email, student.password, tenantA.slug);
    expect(loginAttempt.codes).toEqual(['UNAUTHENTICATED']);
    expect(loginAttempt.messages).toEqual((await loginCodes(newEmail('nobody'), student.password, tenantA.slug)).messages);
    expect(errorCodes(await request(stack.graphqlUrl, RefreshSessionDocument, { refreshToken: student.refreshToken }))).toEqual(['UNAUTHENTICATED']);
  });

  it('gets NOT_FOUND disabling another tenant’s user, who keeps working', async () => {
    const victim = await registerStudent(stack.graphqlUrl, tenantB.slug);
    const response = await request(stack.graphqlUrl, DisableUserDocument, { userId: victim.id }, tenantA.owner.token);
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    await must(stack.graphqlUrl, RefreshSessionDocument, { refreshToken: victim.refreshToken });
    await login(stack.graphqlUrl, victim.email, victim.password, tenantB.slug);
  });

  it('gets FORBIDDEN creating a platform admin, and nobody is created', async () => {
    const email = newEmail('would-be-admin');
    const password = `pw-${unique()}-${unique()}`;
    const response = await request(
      stack.graphqlUrl,
      CreateUserDocument,
      { input: { email, displayName: 'Would-be admin', role: 'PLATFORM_ADMIN', password } },
      tenantA.owner.token,
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect((await loginCodes(email, password)).codes).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a platform admin managing users', () => {
  it('creates another platform admin without a tenant, who can sign in', async () => {
    const email = newEmail('admin');
    const password = `pw-${unique()}-${unique()}`;
    const { createUser } = await must(
      stack.graphqlUrl,
      CreateUserDocument,
      { input: { email, displayName: 'Second admin', role: 'PLATFORM_ADMIN', password } },
      admin.token,
    );
    expect(createUser).toMatchObject({ email, role: 'PLATFORM_ADMIN', tenant: null });

    const second = await login(stack.graphqlUrl, email, password);
    const { me } = await must(stack.graphqlUrl, MeDocument, {}, second.token);
    expect(me).toMatchObject({ id: createUser.id, role: 'PLATFORM_ADMIN', tenant: null });
  });
});

describe('a user’s own account', () => {
  it('changes the display name with updateProfile', async () => {
    const student = await registerStudent(stack.graphqlUrl, tenantA.slug, 'Old name');
    const { updateProfile } = await must(stack.graphqlUrl, UpdateProfileDocument, { input: { displayName: 'New name' } }, student.token);
    expect(updateProfile).toEqual({ id: student.id, displayName: 'New name' });
    expect((await must(stack.graphqlUrl, MeDocument, {}, student.token)).me?.displayName).toBe('New name');
  });

  it('keeps a phone number in E.164 for SMS and WhatsApp, with opt-outs, that the tenant’s staff see and no one else', async () => {
    const student = await registerStudent(stack.graphqlUrl, tenantA.slug);
    const updated = await must(stack.graphqlUrl, UpdateContactDocument, { input: { phone: '+91 98765-43210', smsOptOut: true } }, student.token);
    expect(updated.updateProfile).toEqual({ id: student.id, phone: '+919876543210', smsOptOut: true, whatsappOptOut: false });
    for (const phone of ['98765 43210', '+0123456789', '+91 98765', 'call me']) {
      expect(errorCodes(await request(stack.graphqlUrl, UpdateContactDocument, { input: { phone } }, student.token)), phone).toEqual(['BAD_USER_INPUT']);
    }
    expect((await must(stack.graphqlUrl, UserContactDocument, { id: student.id }, tenantA.owner.token)).user).toEqual({ id: student.id, phone: '+919876543210', smsOptOut: true, whatsappOptOut: false });
    expect(errorCodes(await request(stack.graphqlUrl, UserContactDocument, { id: student.id }, tenantB.owner.token))).toEqual(['NOT_FOUND']);
    expect((await must(stack.graphqlUrl, UpdateContactDocument, { input: { phone: '' } }, student.token)).updateProfile.phone).toBeNull();
  });

  it('refuses changePassword with a wrong current password with BAD_USER_INPUT and keeps the old password', async () => {
    const student = await registerStudent(stack.graphqlUrl, tenantA.slug);
    const response = await request(
      stack.graphqlUrl,
      ChangePasswordDocument,
      { currentPassword: 'not-the-password', newPassword: `new-${unique()}-${unique()}` },
      student.token,
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    await login(stack.graphqlUrl, student.email, student.password, tenantA.slug);
  });

  it('changes the password: the old one fails, this session keeps refreshing, other sessions end', async () => {
    const student = await registerStudent(stack.graphqlUrl, tenantA.slug);
    const current = await login(stack.graphqlUrl, student.email, student.password, tenantA.slug);
    const other = await login(stack.graphqlUrl, student.email, student.password, tenantA.slug);
    const newPassword = `new-${unique()}-${unique()}`;

    const { changePassword } = await must(stack.graphqlUrl, ChangePasswordDocument, { currentPassword: student.password, newPassword }, current.token);
    expect(changePassword).toBe(true);

    expect((await loginCodes(student.email, student.password, tenantA.slug)).codes).toEqual(['UNAUTHENTICATED']);
    await login(stack.graphqlUrl, student.email, newPassword, tenantA.slug);
    await must(stack.graphqlUrl, RefreshSessionDocument, { refreshToken: current.refreshToken });
    expect(errorCodes(await request(stack.graphqlUrl, RefreshSessionDocument, { refreshToken: other.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await request(stack.graphqlUrl, RefreshSessionDocument, { refreshToken: student.refreshToken }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('registering and logging in', () => {
  const register = (tenantSlug: string, email: string, password: string) =>
    request(stack.graphqlUrl, RegisterDocument, { input: { tenantSlug, email, password, displayName: 'Someone' } });

  it('refuses a duplicate email in the same tenant with BAD_USER_INPUT, whatever its case', async () => {
    const student = studentsA[0]!;
    expect(errorCodes(await register(tenantA.slug, student.email, `pw-${unique()}-${unique()}`))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await register(tenantA.slug, student.email.toUpperCase(), `pw-${unique()}-${unique()}`))).toEqual(['BAD_USER_INPUT']);
  });

  it('answers NOT_FOUND for an unknown tenant slug', async () => {
    expect(errorCodes(await register(`no-such-${unique()}`, newEmail('lost'), `pw-${unique()}-${unique()}`))).toEqual(['NOT_FOUND']);
  });

  it('refuses a password shorter than 10 characters with BAD_USER_INPUT and creates no account', async () => {
    const email = newEmail('short');
    expect(errorCodes(await register(tenantA.slug, email, '123456789'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await register(tenantA.slug, email, `pw-${unique()}-${unique()}`))).toEqual([]);
  });

  it('answers a wrong password and an unknown email with the same UNAUTHENTICATED message', async () => {
    const student = studentsA[1]!;
    const wrongPassword = await loginCodes(student.email, 'wrong-password-123', tenantA.slug);
    const unknownEmail = await loginCodes(newEmail('nobody'), student.password, tenantA.slug);
    const unknownTenant = await loginCodes(student.email, student.password, `no-such-${unique()}`);
    expect(wrongPassword.codes).toEqual(['UNAUTHENTICATED']);
    expect(unknownEmail).toEqual(wrongPassword);
    expect(unknownTenant).toEqual(wrongPassword);
  });

  it('does not let a tenant member sign in to another tenant with the same credentials', async () => {
    const student = studentsA[0]!;
    expect((await loginCodes(student.email, student.password, tenantB.slug)).codes).toEqual(['UNAUTHENTICATED']);
    expect((await loginCodes(student.email, student.password)).codes).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a platform admin naming a tenant that cannot exist', () => {
  it('gets NOT_FOUND for a tenant id that is not an id at all, not a server error', async () => {
    const admin = await loginAdmin(stack.graphqlUrl);
    expect(errorCodes(await request(stack.graphqlUrl, UsersDocument, { tenantId: 'not-a-uuid' }, admin.token))).toEqual(['NOT_FOUND']);
  });
});
