/**
 * HTTP endpoints the platform itself calls, on whichever subgraph the registry says serves them
 * (`serves` in `subgraphs/index.ts`), and the variable that says where one is when it is not at
 * its provider's default address. Internal: the router does not route them to clients. A GET
 * endpoint is about one object named by its `params`; a POST one takes a JSON body (a batch, or
 * a change).
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
  /** `{ tenantId, userIds }` or `{ tenantId, everyone, after }`: active members' addresses and opt-outs, for sending them messages. */
  memberContacts: { path: '/internal/member-contacts', variable: 'MEMBER_CONTACTS_URL', method: 'POST' },
  /** Sets a tenant's credits aside for a send (`{ tenantId, channel, amount, reference, service }`); 409 INSUFFICIENT_CREDITS. */
  creditReservations: { path: '/internal/credit-reservations', variable: 'CREDIT_RESERVATIONS_URL', method: 'POST' },
  /** Consumes what a reservation holds for what was delivered (`{ tenantId, reference, amount, settlementReference, service }`). */
  creditCaptures: { path: '/internal/credit-reservations/capture', variable: 'CREDIT_CAPTURES_URL', method: 'POST' },
  /** Gives what a reservation holds back to the wallet, for what failed; the same body as a capture. */
  creditReleases: { path: '/internal/credit-reservations/release', variable: 'CREDIT_RELEASES_URL', method: 'POST' },
} as const;

export type PlatformEndpoint = keyof typeof PLATFORM_ENDPOINTS;

/** How an endpoint is called. */
export const methodOf = (endpoint: PlatformEndpoint): 'get' | 'post' => ('method' in PLATFORM_ENDPOINTS[endpoint] ? 'post' : 'get');

/** The query parameters (ids) an endpoint requires, if any. */
export const paramsOf = (endpoint: PlatformEndpoint): readonly string[] => ('params' in PLATFORM_ENDPOINTS[endpoint] ? (PLATFORM_ENDPOINTS[endpoint] as { params: readonly string[] }).params : []);
