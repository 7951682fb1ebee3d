import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import { byIdsLoader, listsLoader, type ListKey } from '../../../common/db/loaders.js';
import { readAsViewer, inKeyOrder } from '../../../common/db/viewer-scope.js';
import type { Page } from '../../../common/pagination.js';
import { existingIdsOnly } from '../../../common/validation.js';
import { canSeeCommunity, readerOf, runsMessaging } from './access.js';
import { findAnnouncementsByIds, progressOf, type AnnouncementRow, type ChannelProgress } from './announcements/db.js';
import {
  communitiesOfLibraries,
  communitiesOfUsers,
  findCommunitiesByIds,
  findPostsByIds,
  membersOfCommunities,
  postsOfCommunities,
  type CommunitiesDatabase,
  type CommunityRow,
  type MembershipRow,
  type PostRow,
} from './db.js';

type NoArgs = Record<string, never>;

export interface CommunitiesLoaders {
  /** Communities the viewer may know exist, with the viewer's membership; `null` otherwise. */
  community: DataLoader<string, CommunityRow | null>;
  /** Posts by id, under row-level security only: resolvers check the community may be read. */
  post: DataLoader<string, PostRow | null>;
  membersOfCommunity: DataLoader<ListKey<NoArgs>, Page<MembershipRow>, string>;
  postsOfCommunity: DataLoader<ListKey<NoArgs>, Page<PostRow>, string>;
  communitiesOfLibrary: DataLoader<ListKey<NoArgs>, Page<CommunityRow>, string>;
  communitiesOfUser: DataLoader<ListKey<NoArgs>, Page<CommunityRow>, string>;
  /** Announcements, for those who run the tenant's messaging; `null` for anyone else. */
  announcement: DataLoader<string, AnnouncementRow | null>;
  /** Each announcement's deliveries counted by channel and state. */
  announcementProgress: DataLoader<string, ChannelProgress[]>;
}

export function createLoaders(db: Kysely<CommunitiesDatabase>, viewer: Viewer | null): CommunitiesLoaders {
  const reader = viewer ? readerOf(viewer) : { userId: '00000000-0000-0000-0000-000000000000', seesAll: false };
  return {
    community: new DataLoader(async (ids) => {
      const existing = existingIdsOnly(ids);
      const rows = viewer && existing.length ? await readAsViewer(db, viewer, 'load communities', (trx) => findCommunitiesByIds(trx, reader, existing)) : [];
      return inKeyOrder(ids, rows.filter((row) => canSeeCommunity(viewer, row)), (row) => row.id);
    }),
    post: byIdsLoader(db, viewer, 'load posts', findPostsByIds, () => true),
    membersOfCommunity: listsLoader(db, viewer, 'load members of communities', (trx, ids, page) => membersOfCommunities(trx, ids, page)),
    postsOfCommunity: listsLoader(db, viewer, 'load posts of communities', (trx, ids, page) => postsOfCommunities(trx, ids, page)),
    communitiesOfLibrary: listsLoader(db, viewer, 'load communities of libraries', (trx, ids, page) => communitiesOfLibraries(trx, reader, ids, page)),
    communitiesOfUser: listsLoader(db, viewer, 'load communities of users', (trx, ids, page) => communitiesOfUsers(trx, reader, ids, page)),
    announcement: byIdsLoader(db, runsMessaging(viewer) ? viewer : null, 'load announcements', findAnnouncementsByIds, () => true),
    announcementProgress: new DataLoader(async (ids) => {
      const rows = await readAsViewer(db, viewer, 'count announcement deliveries', (trx) => progressOf(trx, ids));
      return ids.map((id) => rows.filter((row) => row.announcement_id === id));
    }),
  };
}
