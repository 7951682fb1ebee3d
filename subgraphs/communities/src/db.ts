import { sql, type Generated, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { OutboxTables } from '../../../common/events/outbox.js';
import type { TenantMembersTables } from '../../../common/membership/tenant-members.js';
import { olderThan, pageOf, pagesByParent, type Page, type PageRequest } from '../../../common/pagination.js';
import type { AnnouncementsTables } from './announcements/db.js';
import type { MessagesTables } from './messages/db.js';
import type { NotificationsTables } from './notifications/db.js';

export type CommunityKind = 'GROUP' | 'OPEN';
export type MembershipRole = 'MEMBER' | 'MODERATOR' | 'MANAGER';
export type MembershipState = 'PENDING' | 'ACTIVE' | 'LEFT' | 'REMOVED' | 'BANNED';

interface CommunitiesTable {
  id: Generated<string>;
  tenant_id: string;
  library_id: string | null;
  name: string;
  description: Generated<string>;
  kind: CommunityKind;
  invite_only: Generated<boolean>;
  created_by: string;
  created_at: Generated<Date>;
  archived_at: Date | null;
}

interface CommunityMembersTable {
  tenant_id: string;
  community_id: string;
  user_id: string;
  role: Generated<MembershipRole>;
  state: MembershipState;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

interface PostsTable {
  id: Generated<string>;
  tenant_id: string;
  community_id: string;
  author_id: string;
  reply_to: string | null;
  body: string;
  body_html: string;
  state: Generated<'VISIBLE' | 'HIDDEN' | 'DELETED'>;
  created_at: Generated<Date>;
  edited_at: Date | null;
  /** When reports reached the threshold and put it in the moderation queue. */
  flagged_at: Date | null;
}

interface PostReportsTable {
  tenant_id: string;
  post_id: string;
  reporter_id: string;
  reason: string;
  created_at: Generated<Date>;
}

interface ModerationActionsTable {
  id: Generated<string>;
  tenant_id: string;
  community_id: string;
  post_id: string | null;
  user_id: string | null;
  actor_id: string;
  action: 'HIDE' | 'RESTORE' | 'BAN';
  reason: string;
  created_at: Generated<Date>;
}

export interface CommunitiesDatabase extends OutboxTables, TenantMembersTables, NotificationsTables, MessagesTables, AnnouncementsTables {
  communities: CommunitiesTable;
  community_members: CommunityMembersTable;
  posts: PostsTable;
  post_reports: PostReportsTable;
  moderation_actions: ModerationActionsTable;
}

export type CommunitiesDb = Kysely<CommunitiesDatabase> | Transaction<CommunitiesDatabase>;
/** A community as one viewer sees it: with their own membership's state and role, if any. */
export type CommunityRow = Selectable<CommunitiesTable> & { viewer_state: MembershipState | null; viewer_role: MembershipRole | null; viewer_since: Date | null };
export type NewCommunity = Insertable<CommunitiesTable>;
export type MembershipRow = Selectable<CommunityMembersTable>;
export type PostRow = Selectable<PostsTable>;
export type NewPost = Insertable<PostsTable>;
export type NewModerationAction = Insertable<ModerationActionsTable>;

/** Who is asking, for what communities show: staff and owners see all of their tenant's. */
export interface Reader {
  userId: string;
  seesAll: boolean;
}

const createdPosition = (row: { created_at: Date; id: string }) => ({ key: row.created_at, id: row.id });

/** Communities with the reader's membership beside each. */
function communitiesAs(db: CommunitiesDb, reader: Reader) {
  return db
    .selectFrom('communities as c')
    .leftJoin('community_members as m', (join) => join.onRef('m.community_id', '=', 'c.id').on('m.user_id', '=', reader.userId))
    .selectAll('c')
    .select(['m.state as viewer_state', 'm.role as viewer_role', 'm.created_at as viewer_since']);
}

/** What a reader who does not see all may see: open communities, and groups they are an active member of. */
const visibleTo = (reader: Reader) => (reader.seesAll ? sql<boolean>`true` : sql<boolean>`(c.kind = 'OPEN' or m.state = 'ACTIVE')`);

export function findCommunitiesByIds(db: CommunitiesDb, reader: Reader, ids: readonly string[]): Promise<CommunityRow[]> {
  return communitiesAs(db, reader).where('c.id', 'in', ids).execute() as Promise<CommunityRow[]>;
}

/** Newest first; one tenant when `tenantId` is given (platform admins), else whatever row-level security shows. */
export async function listCommunities(db: CommunitiesDb, reader: Reader, tenantId: string | null, page: PageRequest): Promise<Page<CommunityRow>> {
  const rows = await communitiesAs(db, reader)
    .where(visibleTo(reader))
    .$if(tenantId !== null, (q) => q.where('c.tenant_id', '=', tenantId!))
    .$if(page.after !== null, (q) => q.where(sql<boolean>`(c.created_at, c.id) < (${page.after!.key}, ${page.after!.id})`))
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.first + 1)
    .execute();
  return pageOf(rows as CommunityRow[], page.first, createdPosition);
}

/** One page of visible communities per library, newest first, in one statement. */
export async function communitiesOfLibraries(db: CommunitiesDb, reader: Reader, libraryIds: readonly string[], page: PageRequest): Promise<Page<CommunityRow>[]> {
  const ranked = communitiesAs(db, reader)
    .select(sql<number>`row_number() over (partition by c.library_id order by c.created_at desc, c.id desc)`.as('rank'))
    .where('c.library_id', 'in', libraryIds)
    .where(visibleTo(reader))
    .$if(page.after !== null, (q) => q.where(sql<boolean>`(c.created_at, c.id) < (${page.after!.key}, ${page.after!.id})`));
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rank', '<=', page.first + 1).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return pagesByParent(libraryIds, rows as unknown as CommunityRow[], (row) => row.library_id!, page.first, createdPosition);
}

/** One page per user of the communities they are an active member of, newest membership first, in one statement. */
export async function communitiesOfUsers(db: CommunitiesDb, reader: Reader, userIds: readonly string[], page: PageRequest): Promise<Page<CommunityRow>[]> {
  const ranked = db
    .selectFrom('community_members as u')
    .innerJoin('communities as c', 'c.id', 'u.community_id')
    .leftJoin('community_members as m', (join) => join.onRef('m.community_id', '=', 'c.id').on('m.user_id', '=', reader.userId))
    .selectAll('c')
    .select(['m.state as viewer_state', 'm.role as viewer_role', 'm.created_at as viewer_since', 'u.user_id as member_id', 'u.created_at as member_since'])
    .select(sql<number>`row_number() over (partition by u.user_id order by u.created_at desc, c.id desc)`.as('rank'))
    .where('u.user_id', 'in', userIds)
    .where('u.state', '=', 'ACTIVE')
    .where(visibleTo(reader))
    .$if(page.after !== null, (q) => q.where(sql<boolean>`(u.created_at, c.id) < (${page.after!.key}, ${page.after!.id})`));
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rank', '<=', page.first + 1).orderBy('member_since', 'desc').orderBy('id', 'desc').execute();
  return pagesByParent(userIds, rows as unknown as (CommunityRow & { member_id: string; member_since: Date })[], (row) => row.member_id, page.first, (row) => ({ key: row.member_since, id: row.id }));
}

export function insertCommunity(db: CommunitiesDb, community: NewCommunity): Promise<Selectable<CommunitiesTable>> {
  return db.insertInto('communities').values(community).returningAll().executeTakeFirstOrThrow();
}

export function archiveCommunity(db: CommunitiesDb, id: string, at: Date) {
  return db.updateTable('communities').set({ archived_at: at }).where('id', '=', id).where('archived_at', 'is', null).returning('id').executeTakeFirst();
}

/**
 * Sets a user's membership of a community to `state`, creating it if need be, unless the user is
 * banned there (undefined then): a banned member cannot come back by joining or being added.
 */
export function saveMembership(
  db: CommunitiesDb,
  membership: { tenant_id: string; community_id: string; user_id: string; state: MembershipState; role?: MembershipRole },
): Promise<MembershipRow | undefined> {
  const now = new Date();
  return db
    .insertInto('community_members')
    .values({ ...membership, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc
        .columns(['community_id', 'user_id'])
        .doUpdateSet({ state: membership.state, ...(membership.role ? { role: membership.role } : {}), updated_at: now })
        .where('community_members.state', '!=', 'BANNED'),
    )
    .returningAll()
    .executeTakeFirst();
}

export function findMembership(db: CommunitiesDb, communityId: string, userId: string): Promise<MembershipRow | undefined> {
  return db.selectFrom('community_members').selectAll().where('community_id', '=', communityId).where('user_id', '=', userId).executeTakeFirst();
}

/** One page of active members per community, newest first, in one statement. */
export async function membersOfCommunities(db: CommunitiesDb, communityIds: readonly string[], page: PageRequest): Promise<Page<MembershipRow>[]> {
  const ranked = db
    .selectFrom('community_members')
    .selectAll()
    .select(sql<number>`row_number() over (partition by community_id order by created_at desc, user_id desc)`.as('rank'))
    .where('community_id', 'in', communityIds)
    .where('state', '=', 'ACTIVE')
    .$if(page.after !== null, (q) => q.where(sql<boolean>`(created_at, user_id) < (${page.after!.key}, ${page.after!.id})`));
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rank', '<=', page.first + 1).orderBy('created_at', 'desc').orderBy('user_id', 'desc').execute();
  return pagesByParent(communityIds, rows, (row) => row.community_id, page.first, (row) => ({ key: row.created_at, id: row.user_id }));
}

export function findPostsByIds(db: CommunitiesDb, ids: readonly string[]): Promise<PostRow[]> {
  return db.selectFrom('posts').selectAll().where('id', 'in', ids).execute();
}

/** One page of visible posts per community, newest first, in one statement. */
export async function postsOfCommunities(db: CommunitiesDb, communityIds: readonly string[], page: PageRequest): Promise<Page<PostRow>[]> {
  const ranked = db
    .selectFrom('posts')
    .selectAll()
    .select(sql<number>`row_number() over (partition by community_id order by created_at desc, id desc)`.as('rank'))
    .where('community_id', 'in', communityIds)
    .where('state', '=', 'VISIBLE')
    .$if(page.after !== null, (q) => q.where(olderThan(page.after!)));
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rank', '<=', page.first + 1).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return pagesByParent(communityIds, rows, (row) => row.community_id, page.first, createdPosition);
}

export function insertPost(db: CommunitiesDb, post: NewPost): Promise<PostRow> {
  return db.insertInto('posts').values(post).returningAll().executeTakeFirstOrThrow();
}

/** Changes the author's own visible post; undefined if it is not theirs or no longer visible. */
export function updateOwnPost(db: CommunitiesDb, id: string, authorId: string, changes: Pick<PostRow, 'body' | 'body_html' | 'state' | 'edited_at'>): Promise<PostRow | undefined> {
  return db.updateTable('posts').set(changes).where('id', '=', id).where('author_id', '=', authorId).where('state', '=', 'VISIBLE').returningAll().executeTakeFirst();
}

/** Records a member's report of a post, once per member; undefined if they had reported it already. */
export function insertReport(db: CommunitiesDb, report: { tenant_id: string; post_id: string; reporter_id: string; reason: string }) {
  return db.insertInto('post_reports').values(report).onConflict((oc) => oc.columns(['post_id', 'reporter_id']).doNothing()).returning('post_id').executeTakeFirst();
}

/** Puts a visible post in the moderation queue once it has `threshold` reports (and only once). */
export function flagIfReported(db: CommunitiesDb, postId: string, threshold: number, at: Date) {
  return db
    .updateTable('posts')
    .set({ flagged_at: at })
    .where('id', '=', postId)
    .where('flagged_at', 'is', null)
    .where('state', '=', 'VISIBLE')
    .where(sql<boolean>`(select count(*) from post_reports r where r.post_id = posts.id) >= ${threshold}`)
    .returning('id')
    .executeTakeFirst();
}

/**
 * Moves a post between VISIBLE and HIDDEN, only from the state the moderator saw: of two
 * moderators racing, one changes it and the other is told it already changed.
 */
export function moderatePost(db: CommunitiesDb, id: string, from: 'VISIBLE' | 'HIDDEN', to: 'VISIBLE' | 'HIDDEN'): Promise<PostRow | undefined> {
  return db.updateTable('posts').set({ state: to }).where('id', '=', id).where('state', '=', from).returningAll().executeTakeFirst();
}

export function recordModeration(db: CommunitiesDb, action: NewModerationAction) {
  return db.insertInto('moderation_actions').values(action).execute();
}

/** Flagged posts still visible, of the given communities (all the reader's, RLS, when null), newest flag first. */
export async function moderationQueue(db: CommunitiesDb, communityIds: readonly string[] | null, page: PageRequest): Promise<Page<PostRow>> {
  const rows = await db
    .selectFrom('posts')
    .selectAll()
    .where('flagged_at', 'is not', null)
    .where('state', '=', 'VISIBLE')
    .$if(communityIds !== null, (q) => q.where('community_id', 'in', communityIds!.length ? communityIds! : ['00000000-0000-0000-0000-000000000000']))
    .$if(page.after !== null, (q) => q.where(sql<boolean>`(flagged_at, id) < (${page.after!.key}, ${page.after!.id})`))
    .orderBy('flagged_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.first + 1)
    .execute();
  return pageOf(rows, page.first, (row) => ({ key: row.flagged_at!, id: row.id }));
}

/** The communities the user moderates (an active moderator or manager). */
export async function moderatedCommunityIds(db: CommunitiesDb, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('community_members').select('community_id').where('user_id', '=', userId).where('state', '=', 'ACTIVE').where('role', 'in', ['MODERATOR', 'MANAGER']).execute();
  return rows.map((row) => row.community_id);
}

/** Bans a member from a community, whatever their state; returns the membership. */
export function banMember(db: CommunitiesDb, membership: { tenant_id: string; community_id: string; user_id: string }) {
  const now = new Date();
  return db
    .insertInto('community_members')
    .values({ ...membership, state: 'BANNED', created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['community_id', 'user_id']).doUpdateSet({ state: 'BANNED', updated_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
}
