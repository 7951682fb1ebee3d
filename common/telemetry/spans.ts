import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tracingStarted } from './tracing.js';

/** Attribute naming which Carrel service made a span (several share one process in the embedded default). */
export const SERVICE_ATTRIBUTE = 'carrel.service';

// Asked of the global provider each time: one registered later (or removed) is seen at once.
const tracer = () => trace.getTracer('carrel');

/**
 * A server span around each request: the child of the caller's span when the request carries a
 * W3C `traceparent`, else the root of a new trace. What the request goes on to do (planning,
 * subgraph calls, SQL) runs inside it.
 */
export function traceRequests(service: string) {
  // Express rewrites `url` below a mount point and keeps the full one as `originalUrl`.
  return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void): void => {
    if (!tracingStarted()) return next();
    const caller = propagation.extract(ROOT_CONTEXT, req.headers);
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
    const span = tracer().startSpan(`${req.method} ${path}`, { kind: SpanKind.SERVER, attributes: { [SERVICE_ATTRIBUTE]: service, 'http.request.method': req.method, 'url.path': path } }, caller);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.with(trace.setSpan(caller, span), next);
  };
}

/** Puts the current trace context into headers of an outgoing call, for the callee's `traceRequests`. */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  if (!tracingStarted()) return;
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}

/** The span of the work in progress, when it is being recorded. */
export function recordingSpan(): Span | undefined {
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span : undefined;
}

const MAX_STATEMENT_LENGTH = 2_000;

/**
 * A span for one SQL statement that has just finished, as a child of the work that ran it. Only
 * inside a traced request: background work (the outbox relay's polling) starts no traces.
 */
export function recordStatement(service: string, statement: string, durationMs: number, error: unknown): void {
  if (!tracingStarted() || !recordingSpan()) return;
  const operation = /^\s*(\w+)/.exec(statement)?.[1]?.toUpperCase() ?? 'SQL';
  const span = tracer().startSpan(`db ${operation}`, {
    kind: SpanKind.CLIENT,
    startTime: performance.timeOrigin + performance.now() - durationMs,
    attributes: { [SERVICE_ATTRIBUTE]: service, 'db.system': 'postgresql', 'db.operation.name': operation, 'db.query.text': statement.slice(0, MAX_STATEMENT_LENGTH) },
  });
  if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as { code?: string }).code ?? 'statement failed' });
  span.end();
}
