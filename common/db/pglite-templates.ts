import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Migration } from 'kysely';
import { logger } from '../logger.js';

/**
 * Copies of freshly migrated PGlite databases, one per service and set of migrations, to start new
 * ones from: loading a copy takes half a second where initdb and migrations take three to five.
 * A copy of a database fresh from initdb serves every service's first one.
 * Kept in memory for this process and on disk for the next (every test worker, each process of a
 * process stack, a first `npm start`). Keyed by the PGlite version and the migrations' names and
 * code, so a changed migration or PGlite never reuses an old copy; a copy that fails to load is
 * deleted and the database made from scratch. Each database is still its own, and migrations
 * still run (finding nothing to do).
 */
const inProcess = new Map<string, Promise<Blob>>();
const directory = join(tmpdir(), 'carrel-pglite-templates');
/** The installed PGlite's version (its package.json is not exported: read beside its entry point). */
function installedPGliteVersion(): string {
  let folder = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(folder, 'package.json'))) folder = dirname(folder);
  return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
}
let pgliteVersion: string | undefined;
/** Changed whenever copies are made differently, so older ones on disk are not used. */
const TEMPLATE_FORMAT = 'small-wal-no-template-databases';

export function templateKey(service: string, migrations: Record<string, Migration>): string {
  // Read when a PGlite database is first opened, never by a service on PostgreSQL.
  pgliteVersion ??= installedPGliteVersion();
  const hash = createHash('sha256').update(TEMPLATE_FORMAT).update(pgliteVersion).update(service);
  for (const [name, migration] of Object.entries(migrations)) hash.update(name).update(String(migration.up)).update(String(migration.down));
  return `${service}-${hash.digest('hex').slice(0, 24)}`;
}

/** Whether a copy was left on disk, without reading it. */
export function templateOnDisk(key: string): boolean {
  return existsSync(join(directory, `${key}.tar`));
}

/** A copy to start from, if one was made: this process's, or one left on disk. */
export async function findTemplate(key: string): Promise<Blob | undefined> {
  const known = inProcess.get(key);
  if (known) return known.catch(() => undefined);
  const file = join(directory, `${key}.tar`);
  if (!existsSync(file)) return undefined;
  const copy = readFile(file).then((bytes) => new Blob([bytes]));
  inProcess.set(key, copy);
  return copy.catch(() => undefined);
}

/** Forgets a copy that would not load. */
export async function discardTemplate(key: string): Promise<void> {
  inProcess.delete(key);
  await rm(join(directory, `${key}.tar`), { force: true });
}

/** Keeps a copy of a database just made and migrated, for this process and the next. */
export async function keepTemplate(key: string, pglite: PGlite): Promise<void> {
  try {
    // initdb's template databases are half of a copy's bytes, and every new database would unpack
    // them; the services use only their own (`postgres`), and nothing creates databases in PGlite.
    const { rows } = await pglite.query<{ datname: string }>(`select datname from pg_database where datname in ('template0', 'template1')`);
    for (const { datname } of rows) {
      await pglite.exec(`alter database ${datname} is_template false`);
      await pglite.exec(`drop database ${datname}`);
    }
    await pglite.exec('checkpoint');
    const copy = pglite.dumpDataDir('none');
    inProcess.set(key, copy);
    const bytes = Buffer.from(await (await copy).arrayBuffer());
    await mkdir(directory, { recursive: true });
    // Written aside and renamed: a process reading it never sees half a copy.
    const partial = join(directory, `${key}.${process.pid}.${Date.now()}.partial`);
    await writeFile(partial, bytes);
    await rename(partial, join(directory, `${key}.tar`));
  } catch (error) {
    logger.debug({ err: error, key }, 'could not keep a PGlite template');
  }
}
