import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { reportToBench } from './baseline-process.js';

/**
 * The least a router in Node does for a one-hop query: read and parse the request, call the
 * subgraph on a pooled keep-alive connection, parse its answer and write it out again. No
 * planning, checks or limits: the floor under any Node router on this machine.
 * argv: the subgraph's GraphQL URL.
 */
const target = new URL(process.argv[2]!);
const pool = new Pool(target.origin, { connections: 64, keepAliveTimeout: 60_000 });

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: unknown };
  const answer = await pool.request({
    path: target.pathname,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' },
    body: JSON.stringify({ query, variables }),
  });
  const text = JSON.stringify(await answer.body.json());
  res.writeHead(answer.statusCode, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
});
server.listen(0, '127.0.0.1', () => reportToBench((server.address() as AddressInfo).port));
