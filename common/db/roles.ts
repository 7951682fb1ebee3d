import { sql, type Kysely } from 'kysely';

/** The role every unit of work runs as: not superuser, not BYPASSRLS, owns no table. */
export const APP_ROLE = 'carrel_app';
/** Granted to APP_ROLE; policies let it see every tenant. Only `asPlatform` switches to it. */
export const PLATFORM_ROLE = 'carrel_platform';

/**
 * Run with the migration (owner) connection before migrations: roles are cluster-wide, so they are
 * created here rather than in any one subgraph's migrations, and tables created later by this
 * owner are granted to the application roles by default.
 */
export async function prepareSchema(db: Kysely<any>, schema: string): Promise<void> {
  await retryOnConcurrentCatalogUpdate(() =>
    sql`
      do $$ begin
        if not exists (select from pg_roles where rolname = ${sql.lit(APP_ROLE)}) then create role ${sql.raw(APP_ROLE)} nologin noinherit; end if;
        if not exists (select from pg_roles where rolname = ${sql.lit(PLATFORM_ROLE)}) then create role ${sql.raw(PLATFORM_ROLE)} nologin; end if;
        -- Membership lets the application SET ROLE to the platform role inside asPlatform. It must
        -- not inherit the role's privileges, or the platform policies would apply inside every
        -- tenant transaction. PostgreSQL 16+ fixes inheritance per grant; older versions per role.
        if exists (select from pg_roles where rolname = ${sql.lit(APP_ROLE)} and rolinherit) then alter role ${sql.raw(APP_ROLE)} noinherit; end if;
        if current_setting('server_version_num')::int >= 160000 then
          execute ${sql.lit(`grant ${PLATFORM_ROLE} to ${APP_ROLE} with inherit false, set true`)};
        elsif not pg_has_role(${sql.lit(APP_ROLE)}, ${sql.lit(PLATFORM_ROLE)}, 'MEMBER') then
          execute ${sql.lit(`grant ${PLATFORM_ROLE} to ${APP_ROLE}`)};
        end if;
      end $$`.execute(db),
  );
  const { rows } = await sql<{ inherits: boolean }>`select pg_has_role(${APP_ROLE}, ${PLATFORM_ROLE}, 'USAGE') as inherits`.execute(db);
  if (rows[0]?.inherits) {
    throw new Error(`Role "${APP_ROLE}" inherits "${PLATFORM_ROLE}": row-level security would not separate tenants. Make it NOINHERIT.`);
  }
  const id = sql.id(schema);
  await retryOnConcurrentCatalogUpdate(async () => {
    await sql`create schema if not exists ${id}`.execute(db);
    await sql`grant usage on schema ${id} to ${sql.raw(APP_ROLE)}, ${sql.raw(PLATFORM_ROLE)}`.execute(db);
    await sql`alter default privileges in schema ${id} grant select, insert, update, delete on tables to ${sql.raw(APP_ROLE)}, ${sql.raw(PLATFORM_ROLE)}`.execute(db);
  });
}

/** Refuses to run the application as a role that row-level security would not stop. */
export async function assertApplicationRole(db: Kysely<any>, schema: string): Promise<void> {
  const { rows } = await sql<{ user: string; rolsuper: boolean; rolbypassrls: boolean; inheritsPlatform: boolean; owned: number }>`
    select current_user as "user", r.rolsuper, r.rolbypassrls,
      pg_has_role(current_user, ${PLATFORM_ROLE}, 'USAGE') as "inheritsPlatform",
      (select count(*)::int from pg_tables t where t.schemaname = ${schema} and t.tableowner = current_user) as owned
    from pg_roles r where r.rolname = current_user`.execute(db);
  const role = rows[0];
  if (!role) throw new Error('Could not read the database role of DATABASE_URL.');
  const problems = [
    role.rolsuper && 'is a superuser',
    role.rolbypassrls && 'has BYPASSRLS',
    role.owned > 0 && `owns ${role.owned} table(s) in schema "${schema}"`,
    role.inheritsPlatform && `inherits the privileges of "${PLATFORM_ROLE}" (make it NOINHERIT)`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(
      `Refusing to start: database role "${role.user}" ${problems.join(', ')}, so row-level security would not apply. ` +
        `Connect DATABASE_URL as "${APP_ROLE}" and run migrations through DATABASE_MIGRATION_URL.`,
    );
  }
}

async function retryOnConcurrentCatalogUpdate(work: () => Promise<unknown>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // Parallel test databases in one cluster race on shared catalogs ("tuple concurrently updated").
      if (attempt >= attempts || !['XX000', '23505', '42710', '40P01'].includes(code ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}
