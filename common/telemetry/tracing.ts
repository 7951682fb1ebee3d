import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { z } from 'zod';
import { milliseconds, optionalUrl, readConfig, type Env } from '../config.js';

export const tracingEnv = z.object({
  // The standard OpenTelemetry variable: an OTLP/HTTP collector (Jaeger, Tempo, the OpenTelemetry
  // Collector). Unset, nothing is recorded and nothing is sent.
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  // How long finished spans wait to be sent together (the standard variable and default).
  OTEL_BSP_SCHEDULE_DELAY: milliseconds(5_000),
});

export interface Tracing {
  stop(): Promise<void>;
}

const NOT_TRACING: Tracing = { stop: async () => {} };

let started = false;

/** Whether this process sends traces: without a collector, requests skip the tracing work altogether. */
export const tracingStarted = () => started;

/**
 * Sends this process's spans to an OTLP collector, when one is configured: the router's (its own
 * request span and @apollo/gateway's plan, execute and fetch spans), each subgraph's request span
 * and a span per SQL statement. Trace context travels between services in W3C `traceparent`
 * headers. Sampling follows the standard OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG variables
 * (every trace by default).
 *
 * One per process: services started together in one process (the embedded default, tests) share
 * it and tell their spans apart by the `carrel.service` attribute.
 */
export function startTracing(serviceName: string, env: Env = process.env): Tracing {
  const { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: scheduledDelayMillis } = readConfig(tracingEnv, env);
  if (!endpoint) return NOT_TRACING;
  const provider = new NodeTracerProvider({
    resource: new Resource({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: new URL('v1/traces', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).href }), { scheduledDelayMillis })],
  });
  // Registers the provider, W3C trace-context propagation and AsyncLocalStorage as the context
  // manager, so a span started in a request is the parent of what that request goes on to do.
  provider.register();
  started = true;
  return {
    async stop() {
      started = false;
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}
