import { serviceProofHeaders } from '../auth/service-proof.js';
import { serviceUnavailable } from '../errors.js';

/**
 * Asks another service's platform endpoint about one object (`?tenantId=…&…Id=…`), with the
 * deployment's service secret: its JSON answer, or null when the endpoint knows no such object
 * (404, or 400 for ids it refuses). A service that cannot be reached or fails is
 * SERVICE_UNAVAILABLE, named by `provider` ("bookings", "users").
 */
export async function askEndpoint<T>(endpoint: string, params: Record<string, string>, serviceSecret: string, provider: string): Promise<T | null> {
  const url = new URL(endpoint);
  url.search = new URLSearchParams(params).toString();
  let response: Response;
  try {
    response = await fetch(url, { headers: serviceProofHeaders(serviceSecret), signal: AbortSignal.timeout(5_000) });
  } catch {
    throw serviceUnavailable(provider, 'unreachable');
  }
  if (response.status === 404 || response.status === 400) return null;
  if (!response.ok) throw serviceUnavailable(provider, 'unreachable');
  return (await response.json()) as T;
}

/**
 * Posts a JSON body to another service's platform endpoint, with the deployment's service
 * secret: its status and JSON answer, for the caller to read its refusals (4xx) by code. A
 * service that cannot be reached or fails (5xx) is SERVICE_UNAVAILABLE, named by `provider`.
 */
export async function postToEndpoint<T>(endpoint: string, body: unknown, serviceSecret: string, provider: string): Promise<{ status: number; body: T }> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { ...serviceProofHeaders(serviceSecret), 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw serviceUnavailable(provider, 'unreachable');
  }
  if (response.status >= 500) throw serviceUnavailable(provider, 'unreachable');
  return { status: response.status, body: (await response.json().catch(() => null)) as T };
}
