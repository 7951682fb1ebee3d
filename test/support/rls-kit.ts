import type { Transaction } from 'kysely';
import type { Member, TenantFixture } from './seed-kit.js';
import type { TestStack } from './stack.js';

/**
 * What a subgraph's `test/rls.seeds.ts` gives the central row-level security test
 * (`test/database/rls.test.ts`): its tenant tables, and rows of a tenant in each, so every check
 * there runs on rows, not on empty tables. The central test finds the tables in the catalog and
 * fails for one the subgraph does not list, or leaves without rows.
 */
export interface RlsSeeds {
  /** Every table of the subgraph with a tenant column (`tenant_id`, or the id of the table whose row is the tenant). */
  tenantTables: string[];
  /** Rows of one tenant in each of them, written on the platform path; events already published, so a relay leaves them alone. */
  seedTenant(trx: Transaction<any>, tenantId: string): Promise<void>;
  /** Rows of no tenant (a platform admin's, say), which no tenant may see either. */
  seedPlatform?(trx: Transaction<any>): Promise<void>;
  /** Ledger tables no service may update or delete at all (privileges revoked), by why. */
  appendOnly?: Record<string, string>;
  /** Tables whose rows every tenant may read by design, why, and the only columns they may have. */
  readableByEveryTenant?: Record<string, { reason: string; columns: string[] }>;
  /** This subgraph's objects of a tenant made through the API, where a stack can share the test's databases (PostgreSQL). */
  throughApi?(stack: TestStack, tenant: TenantFixture, student: Member): Promise<void>;
}

export const defineRlsSeeds = (seeds: RlsSeeds): RlsSeeds => seeds;
