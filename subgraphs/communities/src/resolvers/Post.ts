import type { PostResolvers } from '../__generated__/resolvers-types.js';
import type { CommunitiesContext } from '../context.js';
import { canReadCommunity } from '../access.js';
import type { PostRow } from '../db.js';

/** A post as the viewer may see it: one of a community they may read, or null. */
export async function readablePost(ctx: CommunitiesContext, post: PostRow | null): Promise<PostRow | null> {
  if (!post) return null;
  const community = await ctx.loaders.community.load(post.community_id);
  return community && canReadCommunity(ctx.viewer, community) ? post : null;
}

const withdrawn = (post: PostRow) => post.state !== 'VISIBLE';

export const Post: PostResolvers = {
  __resolveReference: async (reference, ctx) => readablePost(ctx, await ctx.loaders.post.load(reference.id)),
  community: (post, _args, { loaders }) => loaders.community.load(post.community_id),
  author: (post) => ({ id: post.author_id }),
  replyTo: async (post, _args, ctx) => (post.reply_to ? readablePost(ctx, await ctx.loaders.post.load(post.reply_to)) : null),
  body: (post) => (withdrawn(post) ? '' : post.body),
  html: (post) => (withdrawn(post) ? '' : post.body_html),
  createdAt: (post) => post.created_at,
  editedAt: (post) => post.edited_at,
};
