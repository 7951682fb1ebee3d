import type { CreditEntryResolvers } from '../__generated__/resolvers-types.js';

export const CreditEntry: CreditEntryResolvers = {
  account: (entry) => entry.kind as 'AVAILABLE' | 'RESERVED' | 'CONSUMED',
  movement: (entry) => entry.movement_kind,
  amount: (entry) => Number(entry.amount),
  balanceAfter: (entry) => Number(entry.balance_after),
  createdAt: (entry) => entry.created_at,
};
