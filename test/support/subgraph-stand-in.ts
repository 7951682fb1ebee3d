import net, { type AddressInfo } from 'node:net';

/**
 * A subgraph as the router reaches it, through a TCP stand-in that forwards to the real one at
 * `subgraphUrl`, hangs (holding every connection without a word, as a stuck process does, until
 * told to forward again), or resets the next connection, as a test tells it; and counts the
 * connections it was given.
 */
export async function subgraphStandIn(subgraphUrl: string) {
  const target = new URL(subgraphUrl);
  let mode: 'forward' | 'hang' | 'reset-next' = 'forward';
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const held = new Set<net.Socket>();
  const forward = (socket: net.Socket) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    upstream.on('error', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  };
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      held.delete(socket);
    });
    socket.on('error', () => {});
    if (mode === 'hang') {
      socket.pause();
      held.add(socket);
    } else if (mode === 'reset-next') {
      mode = 'forward';
      socket.resetAndDestroy();
    } else {
      forward(socket);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    set(next: typeof mode) {
      mode = next;
      if (next !== 'forward') return;
      for (const socket of held) forward(socket);
      held.clear();
    },
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
