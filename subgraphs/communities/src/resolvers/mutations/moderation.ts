import { signedIn, tenantMember } from '../../../../../common/auth/guards.js';
import { inTenant } from '../../../../../common/db/scope.js';
import { badUserInput, forbidden, notFound } from '../../../../../common/errors.js';
import { changeAndPublish, recordEvents } from '../../../../../common/events/outbox.js';
import { awaitActiveMember } from '../../../../../common/membership/tenant-members.js';
import { isUuid, requireText } from '../../../../../common/validation.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { canModerate } from '../../access.js';
import type { CommunitiesContext } from '../../context.js';
import { banMember, flagIfReported, insertReport, moderatePost, recordModeration, type CommunityRow, type PostRow } from '../../db.js';
import { readablePost } from '../Post.js';

const reasonOf = (reason: string) => requireText(reason, 'reason', { max: 500 });

/** A post the viewer may read, and its community. */
async function postAndCommunity(ctx: CommunitiesContext, id: string): Promise<{ post: PostRow; community: CommunityRow }> {
  const post = isUuid(id) ? await readablePost(ctx, await ctx.loaders.post.load(id)) : null;
  if (!post) throw notFound('Post');
  return { post, community: (await ctx.loaders.community.load(post.community_id))! };
}

/** Hides or restores a post as a moderator, audited; the author of a hidden post is told. */
async function moderate(ctx: CommunitiesContext, id: string, reason: string, action: 'HIDE' | 'RESTORE'): Promise<PostRow> {
  const moderator = signedIn(ctx.viewer);
  const why = reasonOf(reason);
  const { post, community } = await postAndCommunity(ctx, id);
  if (!canModerate(moderator, community)) throw forbidden('Only the community’s moderators, staff and owners moderate posts.');
  const [from, to] = action === 'HIDE' ? (['VISIBLE', 'HIDDEN'] as const) : (['HIDDEN', 'VISIBLE'] as const);
  const changed = await changeAndPublish(ctx.relay, () =>
    inTenant(ctx.db, community.tenant_id, async (trx) => {
      const moved = await moderatePost(trx, post.id, from, to);
      if (!moved) return undefined;
      await recordModeration(trx, { tenant_id: community.tenant_id, community_id: community.id, post_id: post.id, actor_id: moderator.userId, action, reason: why });
      if (action === 'HIDE') await recordEvents(trx, [{ tenantId: community.tenant_id, type: 'POST_HIDDEN', keys: { postId: post.id, communityId: community.id, userId: post.author_id } }]);
      return moved;
    }),
  );
  if (!changed) throw badUserInput(`The post is ${action === 'HIDE' ? 'not visible' : 'not hidden'} any more; another moderator may have acted first.`, 'id');
  return changed;
}

export const moderationMutations: Pick<MutationResolvers, 'reportPost' | 'hidePost' | 'restorePost' | 'banCommunityMember'> = {
  reportPost: async (_parent, { id, reason }, ctx) => {
    const member = tenantMember(ctx.viewer, 'Posts are reported by members of the tenant.');
    const why = reasonOf(reason);
    const { post } = await postAndCommunity(ctx, id);
    await inTenant(ctx.db, member.tenantId, async (trx) => {
      if (await insertReport(trx, { tenant_id: member.tenantId, post_id: post.id, reporter_id: member.userId, reason: why })) {
        await flagIfReported(trx, post.id, ctx.reportThreshold, new Date());
      }
    });
    return true;
  },

  hidePost: (_parent, { id, reason }, ctx) => moderate(ctx, id, reason, 'HIDE'),

  restorePost: (_parent, { id, reason }, ctx) => moderate(ctx, id, reason, 'RESTORE'),

  banCommunityMember: async (_parent, { communityId, userId, reason }, ctx) => {
    const moderator = signedIn(ctx.viewer);
    const why = reasonOf(reason);
    const community = await ctx.loaders.community.load(communityId);
    if (!community) throw notFound('Community');
    if (!canModerate(moderator, community)) throw forbidden('Only the community’s moderators, staff and owners ban members.');
    if (!isUuid(userId) || !(await awaitActiveMember(ctx.db, community.tenant_id, userId))) throw notFound('User');
    if (userId === moderator.userId) throw badUserInput('Moderators do not ban themselves.', 'userId');
    return inTenant(ctx.db, community.tenant_id, async (trx) => {
      const banned = await banMember(trx, { tenant_id: community.tenant_id, community_id: community.id, user_id: userId });
      await recordModeration(trx, { tenant_id: community.tenant_id, community_id: community.id, user_id: userId, actor_id: moderator.userId, action: 'BAN', reason: why });
      return banned;
    });
  },
};
