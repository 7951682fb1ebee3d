import { Counter, Gauge } from 'prom-client';
import { metrics } from '../../common/metrics.js';

export const subscriptionHydrations = new Counter({
  name: 'carrel_subscription_hydrations_total',
  help: 'Federated queries run to turn an event into subscription payloads (one per group of subscribers sharing selection and viewer scope).',
  registers: [metrics],
});

export const subscriptionsActive = new Gauge({
  name: 'carrel_subscriptions_active',
  help: 'Open subscriptions on this router replica.',
  registers: [metrics],
});
