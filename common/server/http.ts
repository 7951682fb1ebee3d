import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: http.Server;
  stop(): Promise<void>;
}

/** Listens on `port` (0 picks a free one) and reports the address it got. */
export async function listen(app: Express, port: number, host = '127.0.0.1', onStop?: () => Promise<void>): Promise<RunningServer> {
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, resolve);
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
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
