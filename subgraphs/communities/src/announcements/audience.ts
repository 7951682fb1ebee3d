import { inTenant } from '../../../../common/db/scope.js';
import { badUserInput, notFound } from '../../../../common/errors.js';
import { existingIdsOnly } from '../../../../common/validation.js';
import type { CommunitiesServices } from '../context.js';
import type { AudienceKind, MessageChannel } from './db.js';
import type { MemberContact } from '../../../../common/subgraph-kit/endpoint-answers.js';

/** The most recipients one announcement may have: a tenant bigger than this sends per community or library. */
const MAX_RECIPIENTS = 10_000;

export interface Audience {
  kind: AudienceKind;
  /** The community or library, for those kinds. */
  id: string | null;
  /** The chosen users, for USERS. */
  userIds: readonly string[];
}

/**
 * A community, library or user the tenant does not have: one answer for all, the same whether it
 * belongs to another tenant or to none.
 */
const unknownAudience = () => notFound('Audience');

/** Active members of the audience, with their contacts: only the tenant's active members are ever reached. */
export async function membersOf({ db, contacts }: Pick<CommunitiesServices, 'db' | 'contacts'>, tenantId: string, audience: Audience): Promise<MemberContact[]> {
  let ids: readonly string[] | 'everyone';
  switch (audience.kind) {
    case 'TENANT':
      ids = 'everyone';
      break;
    case 'USERS':
      if (audience.userIds.length === 0 || audience.userIds.length > MAX_RECIPIENTS) throw badUserInput(`Choose between 1 and ${MAX_RECIPIENTS} users.`, 'audience.userIds');
      ids = [...new Set(audience.userIds)];
      if (existingIdsOnly(ids).length !== ids.length) throw unknownAudience();
      break;
    case 'COMMUNITY':
    case 'LIBRARY': {
      const id = audience.id && existingIdsOnly([audience.id])[0];
      if (!id) throw unknownAudience();
      ids = await inTenant(db, tenantId, async (trx) => {
        // A library is known here by its communities: one with none has no members to reach.
        const known = await trx.selectFrom('communities').select('id').where(audience.kind === 'COMMUNITY' ? 'id' : 'library_id', '=', id).executeTakeFirst();
        if (!known) throw unknownAudience();
        // A library's members are the active members of its communities.
        const rows = await trx
          .selectFrom('community_members as m')
          .innerJoin('communities as c', 'c.id', 'm.community_id')
          .select('m.user_id')
          .distinct()
          .where('m.state', '=', 'ACTIVE')
          .where(audience.kind === 'COMMUNITY' ? 'c.id' : 'c.library_id', '=', id)
          .limit(MAX_RECIPIENTS + 1)
          .execute();
        return rows.map((row) => row.user_id);
      });
      break;
    }
  }
  const members = ids.length === 0 ? [] : await contacts(tenantId, ids);
  // Chosen users are all the tenant's active members, or the announcement goes to none of them.
  if (audience.kind === 'USERS' && members.length !== ids.length) throw unknownAudience();
  if (members.length > MAX_RECIPIENTS) throw badUserInput(`An announcement reaches at most ${MAX_RECIPIENTS} members; this audience has more.`, 'audience');
  return members;
}

/** The member's address on a channel, or null when they have none there or opted out of it. */
export function addressOn(channel: MessageChannel, member: MemberContact): string | null {
  switch (channel) {
    case 'IN_APP':
      return '';
    case 'EMAIL':
      return member.email;
    case 'SMS':
      return member.smsOptOut ? null : member.phone;
    case 'WHATSAPP':
      return member.whatsappOptOut ? null : member.phone;
  }
}
