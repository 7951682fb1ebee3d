import { tenantMember, withRole } from '../../../../../common/auth/guards.js';
import type { Viewer } from '../../../../../common/auth/viewer.js';
import { inTenant } from '../../../../../common/db/scope.js';
import { badUserInput, forbidden, notFound } from '../../../../../common/errors.js';
import { awaitActiveMember } from '../../../../../common/membership/tenant-members.js';
import { isUuid, requireText } from '../../../../../common/validation.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import type { CommunitiesContext } from '../../context.js';
import { readerOf } from '../../access.js';
import { archiveCommunity, findCommunitiesByIds, insertCommunity, saveMembership, type CommunityRow } from '../../db.js';

const requireStaff = (viewer: Viewer | null) => withRole(viewer, ['STAFF', 'OWNER'], 'Only staff and owners run communities.');

/** A community the member may act on: one they may see and that is not archived. */
async function openCommunity(ctx: CommunitiesContext, id: string): Promise<CommunityRow> {
  const community = await ctx.loaders.community.load(id);
  if (!community) throw notFound('Community');
  if (community.archived_at) throw badUserInput('The community is archived.', 'communityId');
  return community;
}

export const communityMutations: Pick<MutationResolvers, 'createCommunity' | 'archiveCommunity' | 'addCommunityMember' | 'joinCommunity' | 'leaveCommunity'> = {
  createCommunity: async (_parent, { input }, { viewer, db }) => {
    const staff = requireStaff(viewer);
    const name = requireText(input.name, 'name', { max: 80 });
    const description = input.description == null ? '' : requireText(input.description, 'description', { min: 0, max: 1_000 });
    if (input.inviteOnly && input.kind !== 'OPEN') throw badUserInput('Only open communities can be invite-only.', 'inviteOnly');
    if (input.libraryId != null && !isUuid(input.libraryId)) throw badUserInput('libraryId is not an id.', 'libraryId');
    return inTenant(db, staff.tenantId, async (trx) => {
      const community = await insertCommunity(trx, {
        tenant_id: staff.tenantId,
        library_id: input.libraryId ?? null,
        name,
        description,
        kind: input.kind,
        invite_only: input.inviteOnly ?? false,
        created_by: staff.userId,
      });
      await saveMembership(trx, { tenant_id: staff.tenantId, community_id: community.id, user_id: staff.userId, state: 'ACTIVE', role: 'MANAGER' });
      return (await findCommunitiesByIds(trx, readerOf(staff), [community.id]))[0]!;
    });
  },

  archiveCommunity: async (_parent, { id }, ctx) => {
    const staff = requireStaff(ctx.viewer);
    const community = await openCommunity(ctx, id);
    return inTenant(ctx.db, staff.tenantId, async (trx) => {
      await archiveCommunity(trx, community.id, new Date());
      return (await findCommunitiesByIds(trx, readerOf(staff), [community.id]))[0]!;
    });
  },

  addCommunityMember: async (_parent, { communityId, userId, role }, ctx) => {
    const staff = requireStaff(ctx.viewer);
    const community = await openCommunity(ctx, communityId);
    // Another tenant's user and an id that exists nowhere look the same: not one of ours.
    if (!isUuid(userId) || !(await awaitActiveMember(ctx.db, staff.tenantId, userId))) throw notFound('User');
    const membership = await inTenant(ctx.db, staff.tenantId, (trx) =>
      saveMembership(trx, { tenant_id: staff.tenantId, community_id: community.id, user_id: userId, state: 'ACTIVE', role: role ?? 'MEMBER' }),
    );
    if (!membership) throw badUserInput('That user is banned from this community.', 'userId');
    return membership;
  },

  joinCommunity: async (_parent, { communityId }, ctx) => {
    const member = tenantMember(ctx.viewer, 'Communities are joined within a tenant; platform admins belong to none.');
    const community = await openCommunity(ctx, communityId);
    if (community.kind !== 'OPEN') throw badUserInput('Members of a group are added by staff.', 'communityId');
    const state = community.viewer_state === 'ACTIVE' || !community.invite_only ? 'ACTIVE' : 'PENDING';
    const membership = await inTenant(ctx.db, member.tenantId, (trx) => saveMembership(trx, { tenant_id: member.tenantId, community_id: community.id, user_id: member.userId, state }));
    if (!membership) throw forbidden('You are banned from this community.');
    return membership;
  },

  leaveCommunity: async (_parent, { communityId }, ctx) => {
    const member = tenantMember(ctx.viewer);
    const community = await ctx.loaders.community.load(communityId);
    if (!community) throw notFound('Community');
    if (community.viewer_state !== 'ACTIVE' && community.viewer_state !== 'PENDING') throw badUserInput('You are not a member of this community.', 'communityId');
    return (await inTenant(ctx.db, member.tenantId, (trx) => saveMembership(trx, { tenant_id: member.tenantId, community_id: community.id, user_id: member.userId, state: 'LEFT' })))!;
  },
};
