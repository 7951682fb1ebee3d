import { isTenantStaff, type Viewer } from '../../../common/auth/viewer.js';
import type { CommunityRow, Reader } from './db.js';

/** The reader behind the viewer: staff, owners and platform admins see every community (of their tenant, by RLS). */
export const readerOf = (viewer: Viewer): Reader => ({ userId: viewer.userId, seesAll: viewer.role === 'PLATFORM_ADMIN' || isTenantStaff(viewer) });

/** Whether the viewer may know the community exists: open ones to the tenant, groups to their members, all to staff. */
export function canSeeCommunity(viewer: Viewer | null, community: CommunityRow): boolean {
  if (!viewer) return false;
  if (viewer.role === 'PLATFORM_ADMIN') return true;
  if (community.tenant_id !== viewer.tenantId) return false;
  return isTenantStaff(viewer) || community.kind === 'OPEN' || community.viewer_state === 'ACTIVE';
}

/** Whether the viewer may read its posts and members: its active members, the tenant's staff and owners, platform admins. */
export function canReadCommunity(viewer: Viewer | null, community: CommunityRow): boolean {
  if (!canSeeCommunity(viewer, community)) return false;
  return viewer!.role === 'PLATFORM_ADMIN' || isTenantStaff(viewer) || community.viewer_state === 'ACTIVE';
}

/** Whether the viewer moderates the community: its moderators and managers, the tenant's staff and owners, platform admins. */
export function canModerate(viewer: Viewer | null, community: CommunityRow): boolean {
  if (!canReadCommunity(viewer, community)) return false;
  return viewer!.role === 'PLATFORM_ADMIN' || isTenantStaff(viewer) || community.viewer_role === 'MODERATOR' || community.viewer_role === 'MANAGER';
}

/** Whether the viewer runs the tenant's messaging (announcements, templates): its staff and owners, and platform admins. */
export const runsMessaging = (viewer: Viewer | null): boolean => viewer?.role === 'PLATFORM_ADMIN' || isTenantStaff(viewer);
