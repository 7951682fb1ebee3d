import { randomBytes } from 'node:crypto';
import {
  CreateTenantDocument,
  CreateUserDocument,
  LoginDocument,
  RegisterDocument,
  type Role,
} from '../__generated__/operations.js';
import { must } from './client.js';
import { TEST_ADMIN } from './stack.js';

/** Fixtures made the way users make them: through the router's public API. */
export interface Member {
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

export interface TenantFixture {
  id: string;
  slug: string;
  owner: Member;
}

const unique = () => randomBytes(4).toString('hex');

export async function loginAdmin(graphqlUrl: string): Promise<Member> {
  const { login } = await must(graphqlUrl, LoginDocument, { input: { email: TEST_ADMIN.email, password: TEST_ADMIN.password } });
  return { id: login.user.id, email: TEST_ADMIN.email, password: TEST_ADMIN.password, token: login.accessToken, refreshToken: login.refreshToken };
}

export async function login(graphqlUrl: string, email: string, password: string, tenantSlug?: string): Promise<Member> {
  const { login } = await must(graphqlUrl, LoginDocument, { input: { email, password, ...(tenantSlug ? { tenantSlug } : {}) } });
  return { id: login.user.id, email, password, token: login.accessToken, refreshToken: login.refreshToken };
}

/** A tenant with a signed-in owner. */
export async function createTenant(graphqlUrl: string, admin: Member, slug = `t-${unique()}`): Promise<TenantFixture> {
  const { createTenant } = await must(
    graphqlUrl,
    CreateTenantDocument,
    { input: { slug, name: `Tenant ${slug}`, settings: { timezone: 'Asia/Kolkata', currency: 'INR' } } },
    admin.token,
  );
  const owner = await createMember(graphqlUrl, admin, createTenant.id, slug, 'OWNER');
  return { id: createTenant.id, slug, owner };
}

/** A user of the given role in a tenant, created by an admin or owner, then signed in. */
export async function createMember(graphqlUrl: string, creator: Member, tenantId: string, tenantSlug: string, role: Role): Promise<Member> {
  const email = `${role.toLowerCase()}-${unique()}@example.test`;
  const password = `pw-${unique()}-${unique()}`;
  await must(graphqlUrl, CreateUserDocument, { input: { tenantId, email, displayName: `${role} ${email}`, role, password } }, creator.token);
  return login(graphqlUrl, email, password, tenantSlug);
}

export async function registerStudent(graphqlUrl: string, tenantSlug: string, displayName = 'Student'): Promise<Member> {
  const email = `student-${unique()}@example.test`;
  const password = `pw-${unique()}-${unique()}`;
  const { register } = await must(graphqlUrl, RegisterDocument, { input: { tenantSlug, email, password, displayName } });
  return { id: register.user.id, email, password, token: register.accessToken, refreshToken: register.refreshToken };
}

/**
 * Many students at once, 16 at a time: the users service refuses password hashes past 32
 * waiting (RATE_LIMITED), as it should under a flood of sign-ups, and a test is not one.
 */
const BATCH = 16;
export async function registerStudents<T>(graphqlUrl: string, tenantSlug: string, count: number, then: (student: Member, index: number) => Promise<T>): Promise<T[]> {
  const done: T[] = new Array(count);
  for (let start = 0; start < count; start += BATCH) {
    await Promise.all(
      Array.from({ length: Math.min(BATCH, count - start) }, async (_, offset) => {
        const index = start + offset;
        done[index] = await then(await registerStudent(graphqlUrl, tenantSlug, `Student ${index} Example`), index);
      }),
    );
  }
  return done;
}
