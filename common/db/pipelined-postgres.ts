import type pg from 'pg';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { logger } from '../logger.js';
import { beginStatement } from './begin-statement.js';
import { CarrelQueryCompiler } from './query-compiler.js';

/** Statements whose answer nobody reads, so they need not be waited for (see `sentAhead`). */
const answerNotNeeded = new WeakSet<CompiledQuery>();

/**
 * A statement that may leave without its answer being awaited, such as the one that scopes a unit
 * of work: on a pipelining connection it is written together with the statement after it, which
 * fails if this one did (an aborted transaction runs nothing more). Elsewhere it runs as any other.
 */
export function sentAhead(statement: string): CompiledQuery {
  const compiled = CompiledQuery.raw(statement);
  answerNotNeeded.add(compiled);
  return compiled;
}

/**
 * PostgreSQL through node-postgres in pipeline mode. Every unit of work is a transaction whose
 * `begin` and scope would each cost a round trip before its first real statement: here they are
 * written in the same packet as that statement, and their answers read with its answer. A
 * read-only transaction's `commit` is not waited for either: PostgreSQL refused any write in it,
 * so there is nothing its commit could fail to keep, and it leaves with the connection's next
 * statements or at the end of this turn of the event loop, whichever comes first. A unit of work
 * that reads once costs one round trip instead of four; each is a write on a socket and a wake-up
 * of PostgreSQL and of this process.
 */
export class PipelinedPostgresDialect implements Dialect {
  constructor(private readonly pool: pg.Pool) {}
  createAdapter = () => new PostgresAdapter();
  createDriver = (): Driver => new PipelinedPostgresDriver(this.pool);
  createIntrospector = (db: Kysely<any>) => new PostgresIntrospector(db);
  createQueryCompiler = () => new CarrelQueryCompiler();
}

/** Distinct reads prepared on a connection at most: the application's own are far fewer. */
const MAX_PREPARED_READS = 200;
const preparedNames = new Map<string, string>();

/**
 * The name a read is prepared under, the same on every connection, or none past the limit. A
 * prepared statement is parsed and planned once per connection rather than on every call; reads
 * only, since their texts are few and fixed (lists are one array parameter, see
 * `query-compiler.ts`), where a write's may vary with the rows it writes.
 */
function preparedName(statement: string): string | undefined {
  let name = preparedNames.get(statement);
  if (!name && preparedNames.size < MAX_PREPARED_READS && /^\s*(select|with)\b/i.test(statement)) {
    name = `carrel_read_${preparedNames.size + 1}`;
    preparedNames.set(statement, name);
  }
  return name;
}

class PipelinedPostgresDriver implements Driver {
  private readonly connections = new WeakMap<pg.PoolClient, PipelinedConnection>();

  constructor(private readonly pool: pg.Pool) {}

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.pool.connect();
    let connection = this.connections.get(client);
    if (!connection) {
      connection = new PipelinedConnection(client);
      this.connections.set(client, connection);
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    (connection as PipelinedConnection).readOnly = settings.accessMode === 'read only';
    await connection.executeQuery(sentAhead(beginStatement(settings)));
  }

  async commitTransaction(connection: DatabaseConnection) {
    const pipelined = connection as PipelinedConnection;
    if (!pipelined.readOnly) {
      await connection.executeQuery(CompiledQuery.raw('commit'));
      return;
    }
    // Through executeQuery all the same, so it is counted and traced as any statement.
    await connection.executeQuery(sentAhead('commit'));
    pipelined.leaveAhead();
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await (connection as PipelinedConnection).rollback();
  }

  async releaseConnection(connection: DatabaseConnection) {
    (connection as PipelinedConnection).release();
  }

  async destroy() {
    await this.pool.end();
  }
}

const IGNORE = () => {};

class PipelinedConnection implements DatabaseConnection {
  /** This unit of work's statements written whose answers are still to be read, oldest first. */
  private ahead: Promise<unknown>[] = [];
  /** Whether statements sent ahead wait in the socket's buffer. */
  private corked = false;
  /** Whether the open transaction was begun read only. */
  readOnly = false;

  constructor(private readonly client: pg.PoolClient) {}

  /** The unit of work is over: the next one on this connection does not wait for what it sent last. */
  leaveAhead() {
    for (const answer of this.ahead) answer.catch((error: unknown) => logger.warn({ err: error }, 'a read-only transaction did not end cleanly'));
    this.ahead = [];
    this.readOnly = false;
  }

  /** Back to the pool; a commit still held is written before this turn of the event loop ends. */
  release() {
    this.client.release();
    if (this.corked) setImmediate(() => this.releaseWrites());
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (answerNotNeeded.has(compiled)) {
      this.holdWrites();
      const answer = this.client.query(compiled.sql);
      // Read with the next statement's answer; a failure surfaces there.
      answer.catch(IGNORE);
      this.ahead.push(answer);
      return { rows: [] };
    }
    const parameters = [...compiled.parameters];
    const name = parameters.length > 0 ? preparedName(compiled.sql) : undefined;
    const answer = name ? this.client.query({ name, text: compiled.sql, values: parameters }) : this.client.query(compiled.sql, parameters);
    this.releaseWrites();
    const ahead = this.ahead;
    this.ahead = [];
    // The statements sent ahead fail first: their error is the one to report, and it is why this one failed too.
    if (ahead.length > 0) await Promise.all([...ahead, answer.catch(IGNORE)]);
    const { command, rowCount, rows } = await answer;
    return {
      rows: (rows ?? []) as R[],
      ...(command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE' ? { numAffectedRows: BigInt(rowCount ?? 0) } : {}),
    };
  }

  /** A rollback after a failure: what was sent ahead is no longer of interest. */
  async rollback(): Promise<void> {
    this.ahead = [];
    await this.executeQuery(CompiledQuery.raw('rollback'));
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming results is not supported on a pipelining connection');
  }

  /** Statements sent ahead wait in the socket's buffer and leave in one write with the next one. */
  private holdWrites() {
    if (this.corked) return;
    this.corked = true;
    this.socket().cork();
  }

  private releaseWrites() {
    if (!this.corked) return;
    this.corked = false;
    this.socket().uncork();
  }

  private socket(): NodeJS.WritableStream & { cork(): void; uncork(): void } {
    return (this.client as unknown as { connection: { stream: NodeJS.WritableStream & { cork(): void; uncork(): void } } }).connection.stream;
  }
}
