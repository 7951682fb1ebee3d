export const Roles = ['STUDENT', 'STAFF', 'OWNER', 'PLATFORM_ADMIN'] as const;
export type Role = (typeof Roles)[number];

/** Who is asking, as proven by a verified access token. Tenant members always carry their tenant. */
export type Viewer =
  | { userId: string; role: 'PLATFORM_ADMIN'; tenantId: null; sessionId: string }
  | { userId: string; role: 'STUDENT' | 'STAFF' | 'OWNER'; tenantId: string; sessionId: string };

export const isTenantStaff = (viewer: Viewer | null): boolean =>
  viewer?.role === 'STAFF' || viewer?.role === 'OWNER';

export type TenantMember = Extract<Viewer, { tenantId: string }>;
export type PlatformAdmin = Extract<Viewer, { role: 'PLATFORM_ADMIN' }>;
