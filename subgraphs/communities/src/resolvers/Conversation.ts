import { tenantMember } from '../../../../common/auth/guards.js';
import { inTenant } from '../../../../common/db/scope.js';
import type { CarrelEvent } from '../../../../common/events/event.js';
import { outboxEvents, type EventFilter } from '../../../../common/events/event-stream.js';
import { pageRequest } from '../../../../common/pagination.js';
import type { ConversationResolvers, MessageEventResolvers, MessageResolvers } from '../__generated__/resolvers-types.js';
import type { CommunitiesContext } from '../context.js';
import { findMessagesByIds, messagesOf } from '../messages/db.js';

/** The viewer as a member of a tenant: conversations are theirs alone. */
export const conversationMember = (ctx: CommunitiesContext) => tenantMember(ctx.viewer, 'Direct messages are between members of a tenant; platform admins have none.');

/** `myMessages` delivers each member the messages sent to them. */
export function myMessagesFilter(ctx: CommunitiesContext): EventFilter {
  const member = conversationMember(ctx);
  return { tenantId: member.tenantId, eventTypes: ['MESSAGE_SENT'], keys: [{ key: 'recipient', values: [`user:${member.userId}`] }], audience: `user:${member.userId}` };
}

/** A MESSAGE_SENT event, for its recipient only. */
export async function readMessageEvent(ctx: CommunitiesContext, eventId: string): Promise<CarrelEvent | null> {
  const member = conversationMember(ctx);
  const event = await outboxEvents(ctx).load(eventId);
  return event?.type === 'MESSAGE_SENT' && event.keys.recipient === `user:${member.userId}` ? event : null;
}

export const Conversation: ConversationResolvers = {
  with: (conversation) => ({ id: conversation.other_id }),
  lastMessageAt: (conversation) => conversation.last_message_at,
  unreadCount: (conversation) => conversation.unread,
  // Only the conversations of the viewer are ever resolved (see findConversation), so its messages are theirs to read.
  messages: (conversation, { first, after }, ctx) => {
    const page = pageRequest(first, after);
    return inTenant(ctx.db, conversation.tenant_id, (trx) => messagesOf(trx, conversation.id, page));
  },
};

export const Message: MessageResolvers = {
  sender: (message) => ({ id: message.sender_id }),
  createdAt: (message) => message.created_at,
  readByRecipient: (message) => message.read_by_recipient,
};

export const MessageEvent: MessageEventResolvers = {
  eventId: (event) => event.id,
  occurredAt: (event) => event.occurredAt,
  conversationId: (event) => event.keys.conversationId!,
  message: async (event, _args, ctx) => {
    const member = conversationMember(ctx);
    const [message] = await inTenant(ctx.db, member.tenantId, (trx) => findMessagesByIds(trx, [event.keys.messageId!]));
    return message ?? null;
  },
};
