import { inTenant } from '../../../common/db/scope.js';
import type { CarrelEvent, EventHandler } from '../../../common/events/event.js';
import type { PaymentsServices } from './context.js';
import { ensureAccounts } from './db/credits.js';

/** Opens an empty credit wallet for every new tenant; a redelivered event finds it open. */
export function walletOpening({ db }: PaymentsServices): EventHandler {
  return async (event: CarrelEvent) => {
    if (event.type !== 'TENANT_CREATED') return;
    await inTenant(db, event.tenantId, (trx) => ensureAccounts(trx, event.tenantId));
  };
}
