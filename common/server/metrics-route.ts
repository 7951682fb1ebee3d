import type { RequestHandler } from 'express';
import { metrics } from '../metrics.js';

/** GET /metrics in Prometheus text format; not routed to clients by docker-compose. */
export const metricsHandler: RequestHandler = async (_req, res) => {
  res.set('content-type', metrics.contentType).send(await metrics.metrics());
};
