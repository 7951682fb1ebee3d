import { Counter, Gauge, Histogram } from 'prom-client';
import { metrics } from '../../common/metrics.js';

export const subscriptionHydrations = new Counter({
  name: 'carrel_subscription_hydrations_total',
  help: 'Federated queries run to turn events into subscription payloads (one per group of subscribers sharing selection and viewer scope, for all the events of a tenant that arrive together).',
  registers: [metrics],
});

export const subscriptionsActive = new Gauge({
  name: 'carrel_subscriptions_active',
  help: 'Open subscriptions on this router replica.',
  registers: [metrics],
});

export const operationDuration = new Histogram({
  name: 'carrel_operation_duration_seconds',
  help: 'GraphQL operations answered over HTTP, from request to response: by type, by named operation of a trusted document (anything else is "(ad hoc)", as clients choose names freely), and by outcome (ok, refused: errors a client caused, failed: errors on our side).',
  labelNames: ['type', 'operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metrics],
});

export const graphqlErrors = new Counter({
  name: 'carrel_graphql_errors_total',
  help: 'Errors sent to clients, by code.',
  labelNames: ['code'] as const,
  registers: [metrics],
});

export const subgraphCallDuration = new Histogram({
  name: 'carrel_subgraph_call_duration_seconds',
  help: 'Calls from the router to subgraphs, by subgraph and outcome: ok (an answer, errors in it included), or why there was none (timeout, unreachable, too-large, breaker-open, error).',
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metrics],
});
