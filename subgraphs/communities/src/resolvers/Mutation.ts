import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { announcementMutations } from './mutations/announcements.js';
import { communityMutations } from './mutations/communities.js';
import { messageMutations } from './mutations/messages.js';
import { moderationMutations } from './mutations/moderation.js';
import { notificationMutations } from './mutations/notifications.js';
import { postMutations } from './mutations/posts.js';
import { systemMessageMutations } from './mutations/system-messages.js';

export const Mutation: MutationResolvers = { ...communityMutations, ...postMutations, ...notificationMutations, ...moderationMutations, ...messageMutations, ...systemMessageMutations, ...announcementMutations };
