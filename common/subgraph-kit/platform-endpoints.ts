/**
 * HTTP endpoints the platform itself calls, on whichever subgraph the registry says serves them
 * (`serves` in `subgraphs/index.ts`), and the variable that says where one is when it is not at
 * its provider's default address. Internal: the router does not route them to clients.
 */
export const PLATFORM_ENDPOINTS = {
  /** The public keys access tokens are verified with (JWKS). */
  tokenKeys: { path: '/.well-known/jwks.json', variable: 'JWKS_URL' },
  /** `{ suspendedTenantIds }`, which every router replica re-reads now and then. */
  suspendedTenants: { path: '/internal/suspended-tenants', variable: 'TENANT_STATUS_URL' },
  /** What a booking costs and who owes it, for the service that takes payments; 404 for a booking not of that tenant. */
  bookingCharges: { path: '/internal/booking-charges', variable: 'BOOKING_CHARGES_URL', params: ['tenantId', 'bookingId'] },
  /** A member's role and status; 404 for a user not of that tenant. */
  memberRoles: { path: '/internal/member-roles', variable: 'MEMBER_ROLES_URL', params: ['tenantId', 'userId'] },
} as const;

export type PlatformEndpoint = keyof typeof PLATFORM_ENDPOINTS;

/** The query parameters (ids) an endpoint requires, if any. */
export const paramsOf = (endpoint: PlatformEndpoint): readonly string[] => ('params' in PLATFORM_ENDPOINTS[endpoint] ? (PLATFORM_ENDPOINTS[endpoint] as { params: readonly string[] }).params : []);
