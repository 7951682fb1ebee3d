import type { Socket } from 'node:net';
import { MessageType } from 'graphql-ws';
import type { WebSocket } from 'ws';

export interface SubscriptionWriter {
  /**
   * Sends one payload, already serialized (the text a whole group of subscribers shares), as this
   * subscription's `next` message.
   */
  send(payload: string): void;
  /**
   * What graphql-ws iterates for the subscription: it yields nothing, since payloads go to the
   * socket directly, and finishes when the subscription ends (graphql-ws calls `return` when the
   * client completes it or the socket closes).
   */
  completion: AsyncIterableIterator<never>;
}

export interface SubscriptionWriterOptions {
  socket: WebSocket;
  /** The TCP connection under `socket` (the upgraded request's), whose writes are gathered. */
  connection: Socket;
  /** The id the client gave the subscription: every `next` message carries it. */
  id: string;
  /** Payloads that may wait for the socket before the subscriber counts as too slow. */
  limit: number;
  onOverflow: () => void;
  onEnd: () => void;
}

/**
 * A subscription's payloads, written straight to its socket. graphql-ws would serialize every
 * payload again for each subscriber and wait for each write before taking the next one; here the
 * text is shared and only the message's envelope is per subscription. At most `limit` payloads
 * may be waiting for the socket to take them (handed over but not yet written to the kernel);
 * past that the client reads too slowly: `onOverflow` runs once and the subscription ends, so a
 * stalled socket never grows memory without bound.
 */
export function subscriptionWriter({ socket, connection, id, limit, onOverflow, onEnd }: SubscriptionWriterOptions): SubscriptionWriter {
  const envelope = `{"id":${JSON.stringify(id)},"type":"${MessageType.Next}","payload":`;
  let unwritten = 0;
  let ended = false;
  let finish: ((result: IteratorResult<never>) => void) | null = null;
  const written = () => {
    unwritten--;
  };

  const end = () => {
    if (ended) return;
    ended = true;
    finish?.({ value: undefined, done: true });
    finish = null;
    onEnd();
  };

  const completion: AsyncIterableIterator<never> = {
    next: () => (ended ? Promise.resolve({ value: undefined, done: true }) : new Promise((resolve) => (finish = resolve))),
    return: () => {
      end();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return completion;
    },
  };

  return {
    completion,
    send(payload) {
      if (ended || socket.readyState !== socket.OPEN) return;
      if (unwritten >= limit) {
        onOverflow();
        end();
        return;
      }
      unwritten++;
      corkForThisTick(connection);
      socket.send(`${envelope}${payload}}`, written);
    },
  };
}

const corked = new Set<Socket>();

/**
 * Holds a socket's writes until the current synchronous run ends: the payloads of a burst of
 * events, sent to one subscriber in one run, then leave in one system call rather than one each.
 */
function corkForThisTick(socket: Socket): void {
  if (corked.has(socket)) return;
  if (corked.size === 0) process.nextTick(uncorkAll);
  corked.add(socket);
  socket.cork();
}

function uncorkAll(): void {
  for (const socket of corked) socket.uncork();
  corked.clear();
}
