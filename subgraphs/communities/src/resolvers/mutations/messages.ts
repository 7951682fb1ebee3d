import { inTenant } from '../../../../../common/db/scope.js';
import { badUserInput, forbidden, notFound, rateLimited } from '../../../../../common/errors.js';
import { changeAndPublish, recordEvents } from '../../../../../common/events/outbox.js';
import { isUuid } from '../../../../../common/validation.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { conversationOf, findConversation, insertMessage, markConversationRead, sentSince } from '../../messages/db.js';
import { conversationMember } from '../Conversation.js';

const MAX_MESSAGE_LENGTH = 2_000;

export const messageMutations: Pick<MutationResolvers, 'sendDirectMessage' | 'markConversationRead'> = {
  sendDirectMessage: async (_parent, { toUserId, body }, ctx) => {
    const sender = conversationMember(ctx);
    const text = body.trim();
    if (text.length < 1 || text.length > MAX_MESSAGE_LENGTH) throw badUserInput(`A message has 1 to ${MAX_MESSAGE_LENGTH} characters.`, 'body');
    if (toUserId === sender.userId) throw badUserInput('Message someone else.', 'toUserId');
    // Another tenant's user and an id that exists nowhere look the same.
    const recipient = isUuid(toUserId) ? await ctx.memberRole(sender.tenantId, toUserId) : null;
    if (!recipient || recipient.status !== 'ACTIVE') throw notFound('User');
    if (sender.role === 'STUDENT' && recipient.role === 'STUDENT') throw forbidden('Students message their library’s staff and owners.');
    return changeAndPublish(ctx.relay, () =>
      inTenant(ctx.db, sender.tenantId, async (trx) => {
        if ((await sentSince(trx, sender.userId, new Date(Date.now() - 60_000))) >= ctx.messagesPerMinute) throw rateLimited(60);
        const conversationId = await conversationOf(trx, sender.tenantId, sender.userId, toUserId);
        const message = await insertMessage(trx, { tenant_id: sender.tenantId, conversation_id: conversationId, sender_id: sender.userId, body: text });
        await recordEvents(trx, [{ tenantId: sender.tenantId, type: 'MESSAGE_SENT', keys: { messageId: message.id, conversationId, recipient: `user:${toUserId}` } }]);
        return message;
      }),
    );
  },

  markConversationRead: async (_parent, { id }, ctx) => {
    const member = conversationMember(ctx);
    if (!isUuid(id)) throw notFound('Conversation');
    return inTenant(ctx.db, member.tenantId, async (trx) => {
      if (!(await findConversation(trx, member.userId, id))) throw notFound('Conversation');
      await markConversationRead(trx, id, member.userId, new Date());
      return (await findConversation(trx, member.userId, id))!;
    });
  },
};
