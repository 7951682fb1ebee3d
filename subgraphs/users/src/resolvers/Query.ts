import { signedIn, withRole } from '../../../../common/auth/guards.js';
import { tenantScope } from '../../../../common/auth/tenant-scope.js';
import { readAsViewer } from '../../../../common/db/viewer-scope.js';
import { notFound } from '../../../../common/errors.js';
import { pageRequest } from '../../../../common/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { listUsers } from '../db.js';

export const Query: QueryResolvers = {
  me: (_parent, _args, { viewer, loaders }) => (viewer ? loaders.user.load(viewer.userId) : null),

  user: async (_parent, { id }, { viewer, loaders }) => {
    signedIn(viewer);
    const user = await loaders.user.load(id);
    if (!user) throw notFound('User');
    return user;
  },

  users: async (_parent, { first, after, role, tenantId }, { viewer, db }) => {
    const staff = withRole(viewer, ['STAFF', 'OWNER', 'PLATFORM_ADMIN'], 'Only staff and owners can list users.');
    // Row-level security already limits the rows to the viewer's tenant; the filter says so in code too.
    const scope = tenantScope(staff, tenantId, { required: false });
    const page = pageRequest(first, after);
    return readAsViewer(db, staff, 'list users', (trx) => listUsers(trx, { role, tenantId: scope }, page));
  },
};
