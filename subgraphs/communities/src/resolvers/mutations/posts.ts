import { tenantMember } from '../../../../../common/auth/guards.js';
import { inTenant } from '../../../../../common/db/scope.js';
import { badUserInput, forbidden, notFound } from '../../../../../common/errors.js';
import { changeAndPublish, recordEvents } from '../../../../../common/events/outbox.js';
import { isUuid } from '../../../../../common/validation.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import type { CommunitiesContext } from '../../context.js';
import { canReadCommunity } from '../../access.js';
import { insertPost, updateOwnPost, type PostRow } from '../../db.js';
import { postBody } from '../../rules/post-body.js';
import { readablePost } from '../Post.js';

/** Why an author's change matched no post: NOT_FOUND unless the viewer may read it. */
async function explainRefusal(ctx: CommunitiesContext, id: string, userId: string): Promise<never> {
  const post = isUuid(id) ? await readablePost(ctx, await ctx.loaders.post.load(id)) : null;
  if (!post) throw notFound('Post');
  if (post.author_id !== userId) throw forbidden('Only its author changes a post.');
  throw badUserInput(`The post is ${post.state.toLowerCase()}.`, 'id');
}

const changeOwnPost = async (ctx: CommunitiesContext, id: string, changes: Pick<PostRow, 'body' | 'body_html' | 'state' | 'edited_at'>): Promise<PostRow> => {
  const member = tenantMember(ctx.viewer);
  const changed = isUuid(id) ? await inTenant(ctx.db, member.tenantId, (trx) => updateOwnPost(trx, id, member.userId, changes)) : undefined;
  return changed ?? explainRefusal(ctx, id, member.userId);
};

export const postMutations: Pick<MutationResolvers, 'createPost' | 'editPost' | 'deletePost'> = {
  createPost: async (_parent, { communityId, body, replyToId }, ctx) => {
    const member = tenantMember(ctx.viewer, 'Posts are written within a tenant; platform admins belong to none.');
    const community = await ctx.loaders.community.load(communityId);
    if (!community) throw notFound('Community');
    if (!canReadCommunity(member, community)) throw forbidden('Join the community to post in it.');
    if (community.archived_at) throw badUserInput('The community is archived.', 'communityId');
    const content = postBody(body);
    if (replyToId != null) {
      const repliedTo = isUuid(replyToId) ? await readablePost(ctx, await ctx.loaders.post.load(replyToId)) : null;
      if (!repliedTo || repliedTo.community_id !== community.id) throw notFound('Post');
    }
    return changeAndPublish(ctx.relay, () =>
      inTenant(ctx.db, member.tenantId, async (trx) => {
        const post = await insertPost(trx, { tenant_id: member.tenantId, community_id: community.id, author_id: member.userId, reply_to: replyToId ?? null, ...content });
        await recordEvents(trx, [{ tenantId: member.tenantId, type: 'POST_CREATED', keys: { postId: post.id, communityId: community.id, userId: member.userId } }]);
        return post;
      }),
    );
  },

  editPost: (_parent, { id, body }, ctx) => changeOwnPost(ctx, id, { ...postBody(body), state: 'VISIBLE', edited_at: new Date() }),

  deletePost: async (_parent, { id }, ctx) => {
    const [post] = isUuid(id) ? [await ctx.loaders.post.load(id)] : [null];
    return changeOwnPost(ctx, id, { body: post?.body ?? '', body_html: post?.body_html ?? '', state: 'DELETED', edited_at: post?.edited_at ?? null });
  },
};
