import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics (prom-client, the maintained standard for Node), served on GET /metrics by
 * every service. One registry per process; services running in one process (the embedded
 * default, tests) are told apart by the `service` label.
 */
export const metrics = new Registry();
collectDefaultMetrics({ register: metrics });

export const sqlStatements = new Counter({
  name: 'carrel_sql_statements_total',
  help: 'SQL statements sent to the database, transaction control included.',
  labelNames: ['service'] as const,
  registers: [metrics],
});

export const unexpectedErrors = new Counter({
  name: 'carrel_unexpected_errors_total',
  help: 'Failures on our side: errors a client saw as INTERNAL_SERVER_ERROR, each logged at error level with its stack.',
  labelNames: ['service'] as const,
  registers: [metrics],
});

export const knownQueryAnswers = new Counter({
  name: 'carrel_known_query_answers_total',
  help: "Queries a subgraph answered without Apollo Server's request pipeline, having validated the same text before (common/server/known-queries.ts).",
  labelNames: ['service'] as const,
  registers: [metrics],
});
