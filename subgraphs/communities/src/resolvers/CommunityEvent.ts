import { eventStream } from '../../../../common/events/event-stream.js';
import type { CommunityEventResolvers } from '../__generated__/resolvers-types.js';
import { readablePost } from './Post.js';

/** What feeds `communityEvents`: what happens in one community, for those who may read it. */
export const communityEventStream = eventStream({ types: { POST_CREATED: 'POST_CREATED' } });

export const CommunityEvent: CommunityEventResolvers = {
  eventId: (event) => event.id,
  type: (event) => communityEventStream.nameOf(event),
  occurredAt: (event) => event.occurredAt,
  post: async (event, _args, ctx) => (event.keys.postId ? readablePost(ctx, await ctx.loaders.post.load(event.keys.postId)) : null),
};
