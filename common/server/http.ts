import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The kernel caps it at `net.core.somaxconn` (4096 on current Linux). */
const LISTEN_BACKLOG = 4096;

export interface RunningServer {
  url: string;
  port: number;
  httpServer: http.Server;
  stop(): Promise<void>;
}

/** The HTTP server for an app, made before Apollo Server so its drain plugin can close it. */
export function createHttpServer(listener: http.RequestListener): http.Server {
  const httpServer = http.createServer(listener);
  httpServer.keepAliveTimeout = 65_000;
  return httpServer;
}

/**
 * Listens on `port` (0 picks a free one) and reports the address it got. `stop` runs `onStop`
 * (which drains: Apollo Server stops accepting, lets requests in flight finish, then stops)
 * and closes whatever connections remain.
 */
export async function listen(httpServer: http.Server, port: number, host = '127.0.0.1', onStop?: () => Promise<void>): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    // Node's default queue of connections not yet accepted (511) overflows when a burst opens
    // more at once (1,000 reservations in the credits test did): the kernel then resets them.
    httpServer.listen({ port, host, backlog: LISTEN_BACKLOG }, resolve);
  });
  const address = httpServer.address() as AddressInfo;
  const displayHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${displayHost}:${address.port}`,
    port: address.port,
    httpServer,
    async stop() {
      await onStop?.();
      httpServer.closeAllConnections();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** Ends a response with a whole body, its length declared, as `res.send` did without the ETag. */
export function sendBody(res: http.ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** Ends a response with a JSON body. */
export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.setHeader('content-type', 'application/json; charset=utf-8');
  sendBody(res, status, JSON.stringify(body));
}
