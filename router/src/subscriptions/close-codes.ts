/**
 * WebSocket close codes the router uses beyond graphql-ws's own (4400 bad request, 4408 no
 * connection_init in time, 4409 duplicate id). Documented in docs/architecture.md for clients.
 */
export const CloseCodes = {
  /** Bad or missing token at connection_init, or the token expired: reconnect with a fresh token. */
  Forbidden: 4403,
  /** The tenant is suspended. Do not retry: reconnecting is refused until it is reactivated. */
  TenantSuspended: 4423,
  /** The client read events too slowly and its queue filled up; it may reconnect. */
  TooSlow: 1013,
  /** A message larger than the limit (set by the ws server itself). */
  MessageTooBig: 1009,
  /** The router is shutting down; reconnect to another replica. */
  GoingAway: 1001,
} as const;
