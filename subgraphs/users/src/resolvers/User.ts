import type { UserResolvers } from '../__generated__/resolvers-types.js';

export const User: UserResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.user.load(reference.id),
  displayName: (user) => user.display_name,
  createdAt: (user) => user.created_at,
  tenant: (user) => (user.tenant_id ? { id: user.tenant_id } : null),
  smsOptOut: (user) => user.sms_opt_out,
  whatsappOptOut: (user) => user.whatsapp_opt_out,
};
