import type { RequestHandler } from 'express';
import { metrics } from '../metrics.js';

/** GET /metrics in Prometheus text format: on subgraph ports (internal) and the router's metrics port, never its public one. */
export const metricsHandler: RequestHandler = async (_req, res) => {
  res.set('content-type', metrics.contentType).send(await metrics.metrics());
};
