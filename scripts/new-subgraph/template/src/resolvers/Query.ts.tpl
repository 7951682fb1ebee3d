import { signedIn } from '../../../../common/auth/guards.js';
import { tenantScope } from '../../../../common/auth/tenant-scope.js';
import { asViewer } from '../../../../common/db/viewer-scope.js';
import { pageRequest } from '../../../../common/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { listItems } from '../db.js';

export const Query: QueryResolvers = {
  __name__Items: (_parent, { first, after, tenantId }, { viewer, db }) => {
    const caller = signedIn(viewer);
    const scope = tenantScope(caller, tenantId, { required: false });
    const page = pageRequest(first, after);
    return asViewer(db, caller, 'list items', (trx) => listItems(trx, scope, page));
  },
};
