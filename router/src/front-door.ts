import cors from 'cors';
import type { Express } from 'express';
import helmet from 'helmet';
import type { Middleware } from '../../common/server/graphql-post.js';

/** Headers a portal sends: its token, JSON, Apollo Client's CSRF header and client identity. */
const PORTAL_HEADERS = ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'apollographql-client-name', 'apollographql-client-version', 'x-request-id'];

/**
 * What every browser-facing response gets before any route: security headers (helmet; the
 * explorer sets its own stricter CSP), and CORS for the portals' origins only. An origin not
 * listed gets no `Access-Control-Allow-*` header, so the browser keeps the answer from its page;
 * no cookies are used, so credentials are never allowed.
 */
export function frontDoor(corsOrigins: readonly string[]): Middleware[] {
  return [
    helmet(),
    cors({
      origin: (origin, allow) => allow(null, origin !== undefined && corsOrigins.includes(origin)),
      methods: ['GET', 'POST'],
      allowedHeaders: PORTAL_HEADERS,
      credentials: false,
      // Browsers cap this (Chromium at 2 hours); a portal then asks once per operation type, not per request.
      maxAge: 7_200,
    }),
  ];
}

/** The front door on every route of the app, and `GET /` sending a browser to the explorer. */
export function mountFrontDoor(app: Express, corsOrigins: readonly string[]): void {
  app.use(...frontDoor(corsOrigins));
  app.get('/', (_req, res) => res.redirect(302, '/explorer'));
}

/** Whether a WebSocket upgrade may proceed: no Origin (not a browser), the router's own, or a listed one. */
export function originAllowed(origin: string | undefined, host: string | undefined, corsOrigins: readonly string[]): boolean {
  if (!origin) return true;
  if (corsOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
