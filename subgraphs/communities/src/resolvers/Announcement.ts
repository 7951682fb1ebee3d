import type { AnnouncementChannelProgress, AnnouncementResolvers, MessageTemplateResolvers } from '../__generated__/resolvers-types.js';
import { CHARGED_STATES, type ChannelProgress, type DeliveryState } from '../announcements/db.js';

/** An announcement's deliveries on each of its channels, counted by state. */
export function progressByChannel(channels: readonly string[], rows: readonly ChannelProgress[]): AnnouncementChannelProgress[] {
  return channels.map((channel) => {
    const count = (...states: readonly DeliveryState[]) => rows.filter((row) => row.channel === channel && states.includes(row.state)).reduce((sum, row) => sum + row.count, 0);
    return {
      channel: channel as AnnouncementChannelProgress['channel'],
      total: count('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED'),
      pending: count('PENDING', 'SENDING'),
      sent: count('SENT'),
      delivered: count('DELIVERED'),
      undelivered: count('UNDELIVERED'),
      failed: count('FAILED'),
      creditsSpent: channel === 'IN_APP' ? 0 : count(...CHARGED_STATES),
    };
  });
}

export const Announcement: AnnouncementResolvers = {
  author: (announcement) => ({ id: announcement.author_id }),
  audienceKind: (announcement) => announcement.audience_kind,
  community: (announcement, _args, { loaders }) => (announcement.audience_kind === 'COMMUNITY' && announcement.audience_id ? loaders.community.load(announcement.audience_id) : null),
  library: (announcement) => (announcement.audience_kind === 'LIBRARY' && announcement.audience_id ? { id: announcement.audience_id } : null),
  recipientCount: (announcement) => announcement.recipient_count,
  progress: async (announcement, _args, { loaders }) => progressByChannel(announcement.channels, await loaders.announcementProgress.load(announcement.id)),
  createdAt: (announcement) => announcement.created_at,
  completedAt: (announcement) => announcement.completed_at,
};

export const MessageTemplate: MessageTemplateResolvers = {
  updatedAt: (template) => template.updated_at,
};
