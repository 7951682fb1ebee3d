import { PGlite } from '@electric-sql/pglite';
import type { DatabaseConnection, Driver, QueryResult, CompiledQuery, Dialect, Kysely, TransactionSettings } from 'kysely';
import { PostgresAdapter, PostgresIntrospector } from 'kysely';
import { beginStatement } from './begin-statement.js';
import { CarrelQueryCompiler } from './query-compiler.js';

/**
 * Kysely driver for PGlite. PGlite is one connection, so a connection is lent to one unit of
 * work at a time; the queue keeps one request's transaction from interleaving with another's.
 */
export class PGliteDialect implements Dialect {
  constructor(readonly pglite: PGlite) {}
  createAdapter = () => new PostgresAdapter();
  createDriver = (): Driver => new PGliteDriver(this.pglite);
  createIntrospector = (db: Kysely<any>) => new PostgresIntrospector(db);
  createQueryCompiler = () => new CarrelQueryCompiler();
}

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;

  constructor(private readonly pglite: PGlite) {
    this.connection = new PGliteConnection(pglite);
  }

  async init() {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.connection.release = release;
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    await connection.executeQuery({ sql: beginStatement(settings), parameters: [] } as unknown as CompiledQuery);
  }
  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery({ sql: 'commit', parameters: [] } as unknown as CompiledQuery);
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery({ sql: 'rollback', parameters: [] } as unknown as CompiledQuery);
  }
  async releaseConnection(connection: DatabaseConnection) {
    (connection as PGliteConnection).release();
  }
  async destroy() {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

class PGliteConnection implements DatabaseConnection {
  release: () => void = () => {};
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // PGlite's `query` always runs the extended protocol (six calls into WebAssembly: parse,
    // describe, bind, describe, execute, sync); `exec` sends one simple query and a sync. A
    // statement without parameters (transaction control, the scope of a unit of work) needs no more.
    const result = compiled.parameters.length === 0 ? (await this.pglite.exec(compiled.sql)).at(-1)! : await this.pglite.query<R>(compiled.sql, [...compiled.parameters]);
    const affected = result.affectedRows;
    return {
      rows: result.rows as R[],
      ...(affected !== undefined && /^\s*(insert|update|delete|merge)/i.test(compiled.sql)
        ? { numAffectedRows: BigInt(affected) }
        : {}),
    };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream query results');
  }
}
