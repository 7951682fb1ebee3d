import { openDatabase } from '../../common/db/database.js';
import { templateKey, templateOnDisk } from '../../common/db/pglite-templates.js';
import type { Migration } from 'kysely';
import { SUBGRAPHS } from '../../subgraphs/index.js';

/**
 * Makes the migrated PGlite copies every test stack starts from (`common/db/pglite-templates.ts`)
 * before any worker needs one. Without this, a first run on a machine has every worker initialise
 * and migrate every subgraph's database at the same time: twice the work, on the critical path of
 * the first files. Made here, in the process that runs the workers, because a copy's key hashes
 * the migrations' code as this process's module loader gives it, which is how the workers' gives
 * it too (a `tsx` process sees other text and keeps copies of its own).
 */
export async function makePGliteTemplates(): Promise<void> {
  for (const { name } of SUBGRAPHS) {
    // The migrations alone, where every manifest takes them from: importing a whole manifest
    // (resolvers, Apollo) would cost seconds on every run. A subgraph that keeps them elsewhere is
    // left to the workers.
    const migrations = await import(`../../subgraphs/${name}/migrations/index.ts`).then((module: { migrations: Record<string, Migration> }) => module.migrations, () => undefined);
    if (!migrations || templateOnDisk(templateKey(name, migrations))) continue;
    // A new database with no copy to start from is migrated, and a copy of it kept.
    const db = await openDatabase({ service: name, config: { kind: 'pglite', dataDir: undefined }, migrations });
    await db.destroy();
  }
}
