import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Role } from '../../../common/auth/viewer.js';
import type { OutboxTables } from '../../../common/events/outbox.js';
import { olderThan, pageOf, type Page, type PageRequest } from '../../../common/pagination.js';


interface UsersTable {
  id: Generated<string>;
  tenant_id: string | null;
  email: string;
  display_name: string;
  role: Role;
  status: Generated<'ACTIVE' | 'DISABLED'>;
  password_hash: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** E.164, for SMS and WhatsApp; null until the user gives one. */
  phone: string | null;
  sms_opt_out: Generated<boolean>;
  whatsapp_opt_out: Generated<boolean>;
}

interface SessionsTable {
  id: Generated<string>;
  tenant_id: string | null;
  user_id: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
  revoked_reason: string | null;
}

interface RefreshTokensTable {
  id: Generated<string>;
  tenant_id: string | null;
  session_id: string;
  token_hash: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: Generated<Date>;
}

interface TenantDirectoryTable {
  tenant_id: string;
  slug: string;
  status: 'ACTIVE' | 'SUSPENDED';
  updated_at: Generated<Date>;
}

interface SigningKeysTable {
  kid: string;
  private_jwk: ColumnType<JsonWebKeyRecord, string, string>;
  public_jwk: ColumnType<JsonWebKeyRecord, string, string>;
  created_at: Generated<Date>;
}

type JsonWebKeyRecord = Record<string, string>;

export interface UsersDatabase extends OutboxTables {
  users: UsersTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  tenant_directory: TenantDirectoryTable;
  signing_keys: SigningKeysTable;
}

export type UsersDb = Kysely<UsersDatabase> | Transaction<UsersDatabase>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type TenantDirectoryRow = Selectable<TenantDirectoryTable>;
export type SigningKeyRow = Selectable<SigningKeysTable>;

export function findUsersByIds(db: UsersDb, ids: readonly string[]): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
}

export function findUserByEmail(db: UsersDb, tenantId: string | null, email: string): Promise<UserRow | undefined> {
  let query = db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()));
  query = tenantId === null ? query.where('tenant_id', 'is', null) : query.where('tenant_id', '=', tenantId);
  return query.executeTakeFirst();
}

export interface UserFilter {
  role?: Role | null;
  tenantId?: string | null;
}

/** Newest first; the cursor is (created_at, id) so pages stay stable while users are added. */
export async function listUsers(db: UsersDb, filter: UserFilter, page: PageRequest): Promise<Page<UserRow>> {
  let query = db.selectFrom('users').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.first + 1);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.tenantId) query = query.where('tenant_id', '=', filter.tenantId);
  if (page.after) query = query.where(olderThan(page.after));
  return pageOf(await query.execute(), page.first, (row) => ({ key: row.created_at, id: row.id }));
}

export function insertUser(db: UsersDb, user: NewUser): Promise<UserRow> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export function updateUser(db: UsersDb, id: string, changes: UserUpdate): Promise<UserRow | undefined> {
  return db.updateTable('users').set({ ...changes, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirst();
}

export function platformAdminExists(db: UsersDb): Promise<boolean> {
  return db.selectFrom('users').select('id').where('role', '=', 'PLATFORM_ADMIN').limit(1).executeTakeFirst().then(Boolean);
}

export function insertSession(db: UsersDb, user: Pick<UserRow, 'id' | 'tenant_id'>): Promise<SessionRow> {
  return db.insertInto('sessions').values({ user_id: user.id, tenant_id: user.tenant_id }).returningAll().executeTakeFirstOrThrow();
}

export async function revokeSessions(db: UsersDb, where: { sessionId?: string; userId?: string; exceptSessionId?: string }, reason: string): Promise<void> {
  let query = db.updateTable('sessions').set({ revoked_at: new Date(), revoked_reason: reason }).where('revoked_at', 'is', null);
  if (where.sessionId) query = query.where('id', '=', where.sessionId);
  if (where.userId) query = query.where('user_id', '=', where.userId);
  if (where.exceptSessionId) query = query.where('id', '!=', where.exceptSessionId);
  await query.execute();
}

export function insertRefreshToken(db: UsersDb, token: Pick<RefreshTokenRow, 'tenant_id' | 'session_id' | 'token_hash' | 'expires_at'>) {
  return db.insertInto('refresh_tokens').values(token).execute();
}

export function findRefreshToken(db: UsersDb, tokenHash: string) {
  return db
    .selectFrom('refresh_tokens')
    .innerJoin('sessions', 'sessions.id', 'refresh_tokens.session_id')
    .select(['refresh_tokens.id', 'refresh_tokens.session_id', 'refresh_tokens.expires_at', 'refresh_tokens.used_at', 'sessions.user_id', 'sessions.revoked_at'])
    .where('refresh_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks a refresh token used unless it already was; false means it is being reused. */
export async function useRefreshToken(db: UsersDb, id: string): Promise<boolean> {
  const result = await db.updateTable('refresh_tokens').set({ used_at: new Date() }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export function findTenantBySlug(db: UsersDb, slug: string): Promise<TenantDirectoryRow | undefined> {
  return db.selectFrom('tenant_directory').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findTenantInDirectory(db: UsersDb, tenantId: string): Promise<TenantDirectoryRow | undefined> {
  return db.selectFrom('tenant_directory').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
}

/** Applies a tenant event unless a newer one already has: consumers may see events out of order. */
export async function upsertTenantInDirectory(db: UsersDb, entry: Pick<TenantDirectoryRow, 'tenant_id' | 'slug' | 'status' | 'updated_at'>): Promise<void> {
  await db
    .insertInto('tenant_directory')
    .values(entry)
    .onConflict((oc) =>
      oc
        .column('tenant_id')
        .doUpdateSet({ slug: entry.slug, status: entry.status, updated_at: entry.updated_at })
        .where('tenant_directory.updated_at', '<', entry.updated_at),
    )
    .execute();
}

export function findSigningKeys(db: UsersDb): Promise<SigningKeyRow[]> {
  return db.selectFrom('signing_keys').selectAll().orderBy('created_at', 'desc').execute();
}

export async function insertSigningKey(db: UsersDb, key: { kid: string; privateJwk: JsonWebKeyRecord; publicJwk: JsonWebKeyRecord }) {
  await db
    .insertInto('signing_keys')
    .values({ kid: key.kid, private_jwk: JSON.stringify(key.privateJwk), public_jwk: JSON.stringify(key.publicJwk) })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
