import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { sendBody } from './http.js';
import type { KnownQueries } from './known-queries.js';
import { answerRequestError } from './request-errors.js';

/** What Express's JSON parser (`express.json()`) reads; anything else goes through Express as before. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

/** Connect-style middleware on Node's own request and response, as helmet, cors and `traceRequests` are. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface GraphQLPostOptions<Context extends object> {
  /** The started server; read when a request comes, so the HTTP server can exist before it. */
  server: () => ApolloServer<Context>;
  context: (req: IncomingMessage) => Promise<Context>;
  /** Bytes, as `express.json({ limit })`. */
  bodyLimit: number;
  service: string;
  /** Run in order before the body is read, as on Express's route; one may answer instead of calling `next`. */
  before?: Middleware[];
  /** Queries Apollo Server has already validated, answered without its pipeline (see known-queries.ts). */
  known?: KnownQueries<Context>;
}

/**
 * Answers `POST /graphql` with a plain JSON body on `node:http` itself, and hands every other
 * request to `rest` (the Express app). Express's router, body parser and `res.send` (which hashes
 * every response for an ETag, though GraphQL responses are `no-store`) cost more CPU per request
 * than a small subgraph call does; what Apollo Server answers is the same, byte for byte. Bodies
 * Express would treat otherwise (another content type, a compressed body) still go its way.
 */
export function answerGraphQLPosts<Context extends object>(options: GraphQLPostOptions<Context>, rest: RequestListener): RequestListener {
  return (req, res) => {
    const plain = req.method === 'POST' && req.url === '/graphql' && PLAIN_JSON.test(req.headers['content-type'] ?? '') && !req.headers['content-encoding'];
    if (!plain) return void rest(req, res);
    const fail = (error: unknown) => answerRequestError(options.service, error, res);
    const run = (index: number): void => {
      const middleware = options.before?.[index];
      if (!middleware) return void answer(options, req, res).catch(fail);
      middleware(req, res, (error) => (error ? fail(error) : run(index + 1)));
    };
    run(0);
  };
}

async function answer<Context extends object>(options: GraphQLPostOptions<Context>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req, options.bodyLimit);
  const known = await options.known?.answer(body, req.headers.accept, () => options.context(req));
  if (known !== undefined) {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    return sendBody(res, 200, known);
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const response = await options.server().executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: '', body },
    context: () => options.context(req),
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (response.body.kind === 'complete') return sendBody(res, response.status ?? 200, response.body.string);
  res.statusCode = response.status ?? 200;
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** The body as `express.json()` gives it: `{}` when empty, only an object or array, at most `limit` bytes. */
async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw requestError(413);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      length += chunk.length;
      if (length > limit) throw requestError(413);
      chunks.push(chunk);
    }
  } catch (error) {
    // A client that went away mid-body is the client's doing (body-parser answers 400 too), not a fault of ours.
    throw (error as { status?: unknown }).status ? error : requestError(400);
  }
  const text = Buffer.concat(chunks, length).toString('utf8');
  if (text.length === 0) return {};
  const first = /^[\x20\x09\x0a\x0d]*(.)/.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw requestError(400);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw requestError(400);
  }
}

const requestError = (status: 400 | 413) => Object.assign(new Error(status === 413 ? 'request entity too large' : 'invalid JSON'), { status });
