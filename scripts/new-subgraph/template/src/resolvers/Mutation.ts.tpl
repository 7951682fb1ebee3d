import { withRole } from '../../../../common/auth/guards.js';
import { inTenant } from '../../../../common/db/scope.js';
import { requireText } from '../../../../common/validation.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { insertItem } from '../db.js';

export const Mutation: MutationResolvers = {
  add__Name__Item: (_parent, { title }, { viewer, db }) => {
    const staff = withRole(viewer, ['STAFF', 'OWNER'], 'Only staff and owners add items.');
    const item = { tenant_id: staff.tenantId, title: requireText(title, 'title') };
    return inTenant(db, staff.tenantId, (trx) => insertItem(trx, item));
  },
};
