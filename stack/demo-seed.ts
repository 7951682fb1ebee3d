import { logger } from '../common/logger.js';
import { seedDemoCommunities, seedDemoMessaging } from './demo-communities.js';
import { seedDemoLibrary } from './demo-libraries.js';
import { seedDemoCredits, seedDemoPayments, seedDemoSettlement } from './demo-payments.js';
import { call } from './graphql-call.js';

/** What `npm start` seeds once on the embedded default, and prints. */
export const DEMO_PASSWORD = 'carrel-demo-2026';
export const DEMO_TENANTS = [
  { slug: 'north-campus', name: 'North Campus Study Hall', timezone: 'Asia/Kolkata', currency: 'INR', primaryColor: '#1d4ed8' },
  { slug: 'riverside', name: 'Riverside Reading Rooms', timezone: 'Europe/London', currency: 'GBP', primaryColor: '#047857' },
] as const;
const STAFF_ROLES = ['OWNER', 'STAFF'] as const;
const STUDENTS = ['Asha', 'Ben', 'Chen'];

export const demoEmail = (slug: string, who: string) => `${who.toLowerCase()}@${slug}.demo`;

/**
 * Seeds the demo tenants through the public API, as a platform admin and the tenants' students
 * would, so the demo data obeys every rule real data does. Runs only when the first demo tenant
 * is missing, so restarting keeps what is there.
 */
/**
 * `checkoutBase`: where the payment provider's checkout is (the simulated provider's, on the service
 * that takes payments), for the one booking the demo pays online.
 */
export async function seedDemoData(graphqlUrl: string, admin: { email: string; password: string }, checkoutBase: string): Promise<boolean> {
  const existing = await call<{ tenantBySlug: unknown }>(graphqlUrl, 'query($slug: String!) { tenantBySlug(slug: $slug) { slug } }', { slug: DEMO_TENANTS[0].slug });
  if (existing.tenantBySlug) return false;

  const { login } = await call<{ login: { accessToken: string } }>(
    graphqlUrl,
    'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: admin },
  );
  const tenantIds: string[] = [];
  const messaging: Parameters<typeof seedDemoMessaging>[1][] = [];
  for (const tenant of DEMO_TENANTS) {
    const { createTenant } = await call<{ createTenant: { id: string } }>(
      graphqlUrl,
      'mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }',
      { input: { slug: tenant.slug, name: tenant.name, plan: 'GROWTH', settings: { timezone: tenant.timezone, currency: tenant.currency }, branding: { primaryColor: tenant.primaryColor } } },
      login.accessToken,
    );
    tenantIds.push(createTenant.id);
    for (const role of STAFF_ROLES) {
      await call(
        graphqlUrl,
        'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
        { input: { tenantId: createTenant.id, email: demoEmail(tenant.slug, role), displayName: `${tenant.name} ${role.toLowerCase()}`, role, password: DEMO_PASSWORD } },
        login.accessToken,
      );
    }
    const students: { id: string; token: string }[] = [];
    for (const name of STUDENTS) {
      const { register } = await call<{ register: { accessToken: string; user: { id: string } } }>(
        graphqlUrl,
        'mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }',
        { input: { tenantSlug: tenant.slug, email: demoEmail(tenant.slug, name), password: DEMO_PASSWORD, displayName: name } },
      );
      students.push({ id: register.user.id, token: register.accessToken });
    }
    const studentTokens = students.map((student) => student.token);
    const owner = await call<{ login: { accessToken: string; user: { id: string } } }>(
      graphqlUrl,
      'mutation($input: LoginInput!) { login(input: $input) { accessToken user { id } } }',
      { input: { email: demoEmail(tenant.slug, 'OWNER'), password: DEMO_PASSWORD, tenantSlug: tenant.slug } },
    );
    const { bookingIds } = await seedDemoLibrary(graphqlUrl, tenant, owner.login.accessToken, studentTokens);
    await seedDemoPayments(graphqlUrl, owner.login.accessToken, bookingIds);
    // The first student's second booking was left unpaid at the desk: it is paid online and settled.
    const group = await seedDemoCommunities(graphqlUrl, owner.login.accessToken, students);
    messaging.push({ ownerToken: owner.login.accessToken, ownerId: owner.login.user.id, group, students });
    await seedDemoSettlement(graphqlUrl, { adminToken: login.accessToken, studentToken: studentTokens[0]!, tenantId: createTenant.id, currency: tenant.currency, bookingId: bookingIds[1]!, checkoutBase });
  }
  await seedDemoCredits(graphqlUrl, login.accessToken, tenantIds);
  for (const tenant of messaging) await seedDemoMessaging(graphqlUrl, tenant);
  logger.info('seeded demo data');
  return true;
}
