import { parentPort, workerData } from 'node:worker_threads';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * The dashboard clients of the fan-out benchmark (all of them, or this thread's share), in a
 * worker thread: real clients run elsewhere, so their parsing should not share the router's event
 * loop. Each event's count is reported by id, so several threads' counts add up.
 */
const { url, tokens, query } = workerData as { url: string; tokens: string[]; query: string };
const clients: Client[] = [];
const latencies: number[] = [];
const perEvent = new Map<string, number>();
let connected = 0;

for (const token of tokens) {
  const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: { authorization: `Bearer ${token}` } });
  clients.push(client);
  client.on('connected', () => {
    if (++connected === tokens.length) parentPort!.postMessage({ kind: 'connected' });
  });
  client.subscribe<{ bookingEvents: { eventId: string; occurredAt: string } }>({ query }, {
    next: ({ data }) => {
      if (!data) return;
      latencies.push(Date.now() - Date.parse(data.bookingEvents.occurredAt));
      perEvent.set(data.bookingEvents.eventId, (perEvent.get(data.bookingEvents.eventId) ?? 0) + 1);
    },
    error: (error) => parentPort!.postMessage({ kind: 'error', error: String(error) }),
    complete: () => {},
  });
}

parentPort!.on('message', async (message: { kind: 'report' | 'reset' | 'stop' }) => {
  if (message.kind === 'reset') {
    latencies.length = 0;
    perEvent.clear();
    parentPort!.postMessage({ kind: 'reset' });
  }
  if (message.kind === 'report') parentPort!.postMessage({ kind: 'report', latencies, perEvent: [...perEvent] });
  if (message.kind === 'stop') {
    await Promise.all(clients.map((client) => client.dispose()));
    parentPort!.postMessage({ kind: 'stopped' });
  }
});
