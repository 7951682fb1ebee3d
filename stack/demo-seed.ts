import { logger } from '../common/logger.js';

/** What `npm start` seeds once on the embedded default, and prints. */
export const DEMO_PASSWORD = 'carrel-demo-2026';
export const DEMO_TENANTS = [
  { slug: 'north-campus', name: 'North Campus Study Hall', timezone: 'Asia/Kolkata', currency: 'INR', primaryColor: '#1d4ed8' },
  { slug: 'riverside', name: 'Riverside Reading Rooms', timezone: 'Europe/London', currency: 'GBP', primaryColor: '#047857' },
] as const;
const STAFF_ROLES = ['OWNER', 'STAFF'] as const;
const STUDENTS = ['Asha', 'Ben', 'Chen'];

export const demoEmail = (slug: string, who: string) => `${who.toLowerCase()}@${slug}.demo`;

async function call<T>(graphqlUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`Seeding failed: ${body.errors?.map((error) => error.message).join('; ')}`);
  return body.data;
}

/**
 * Seeds the demo tenants through the public API, as a platform admin and the tenants' students
 * would, so the demo data obeys every rule real data does. Runs only when the first demo tenant
 * is missing, so restarting keeps what is there.
 */
export async function seedDemoData(graphqlUrl: string, admin: { email: string; password: string }): Promise<boolean> {
  const existing = await call<{ tenantBySlug: unknown }>(graphqlUrl, 'query($slug: String!) { tenantBySlug(slug: $slug) { slug } }', { slug: DEMO_TENANTS[0].slug });
  if (existing.tenantBySlug) return false;

  const { login } = await call<{ login: { accessToken: string } }>(
    graphqlUrl,
    'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: admin },
  );
  for (const tenant of DEMO_TENANTS) {
    const { createTenant } = await call<{ createTenant: { id: string } }>(
      graphqlUrl,
      'mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }',
      { input: { slug: tenant.slug, name: tenant.name, plan: 'GROWTH', settings: { timezone: tenant.timezone, currency: tenant.currency }, branding: { primaryColor: tenant.primaryColor } } },
      login.accessToken,
    );
    for (const role of STAFF_ROLES) {
      await call(
        graphqlUrl,
        'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
        { input: { tenantId: createTenant.id, email: demoEmail(tenant.slug, role), displayName: `${tenant.name} ${role.toLowerCase()}`, role, password: DEMO_PASSWORD } },
        login.accessToken,
      );
    }
    for (const name of STUDENTS) {
      await call(
        graphqlUrl,
        'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
        { input: { tenantSlug: tenant.slug, email: demoEmail(tenant.slug, name), password: DEMO_PASSWORD, displayName: name } },
      );
    }
  }
  logger.info('seeded demo data');
  return true;
}
