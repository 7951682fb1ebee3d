import pino from 'pino';

/** pino: structured JSON logs, cheap enough for the request path; LOG_LEVEL=silent in tests. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { service: process.env.CARREL_SERVICE },
  redact: ['req.headers.authorization', 'password', 'refreshToken', 'accessToken'],
});
