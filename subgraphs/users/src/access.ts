import type { Viewer } from '../../../common/auth/viewer.js';
import type { UserRow } from './db.js';

/**
 * Who may see a user: platform admins anyone, staff and owners their tenant's users, students
 * only themselves. Row-level security already hides other tenants; this narrows within one.
 */
export function canSeeUser(viewer: Viewer | null, user: UserRow): boolean {
  if (!viewer) return false;
  if (viewer.role === 'PLATFORM_ADMIN') return true;
  if (user.tenant_id !== viewer.tenantId) return false;
  return viewer.role !== 'STUDENT' || user.id === viewer.userId;
}
