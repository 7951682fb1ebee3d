import { readAsViewer } from '../../../../common/db/viewer-scope.js';
import { pageRequest } from '../../../../common/pagination.js';
import type { CreditWalletResolvers } from '../__generated__/resolvers-types.js';
import { canSeeFees } from '../access.js';
import { balanceOf, CREDIT_CHANNELS, entriesOf } from '../db/credits.js';

export const CreditWallet: CreditWalletResolvers = {
  balances: async (wallet, _args, { loaders }) => {
    const accounts = await loaders.accountsOfTenant.load(wallet.tenantId);
    return CREDIT_CHANNELS.map((channel) => ({
      channel,
      available: balanceOf(accounts, channel, 'AVAILABLE'),
      reserved: balanceOf(accounts, channel, 'RESERVED'),
      consumed: balanceOf(accounts, channel, 'CONSUMED'),
    }));
  },
  // The ledger shows what the business spent and was given: the same people who see fees.
  entries: (wallet, { channel, first, after }, { viewer, db }) => {
    if (!canSeeFees(viewer)) return null;
    const page = pageRequest(first, after);
    return readAsViewer(db, viewer, 'read a credit ledger', (trx) => entriesOf(trx, wallet.tenantId, channel ?? null, page));
  },
};
