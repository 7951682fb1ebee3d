import { withRole } from '../../../../../common/auth/guards.js';
import type { Viewer } from '../../../../../common/auth/viewer.js';
import { inTenant } from '../../../../../common/db/scope.js';
import { badUserInput, notFound } from '../../../../../common/errors.js';
import { isUuid, requireText } from '../../../../../common/validation.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { findLibrariesByIds, findSeatsByIds, insertLibrary, insertSeats, updateLibrary, updateSeat, type LibraryUpdate, type SeatUpdate } from '../../db.js';
import { libraryAddress, libraryName, libraryTimezone, openingHoursColumns, priceColumns, rulesColumns } from '../../rules/library-input.js';

/** Libraries and seats are run by the tenant's owners (see the role table in the design brief). */
const requireOwner = (viewer: Viewer | null) => withRole(viewer, ['OWNER'], 'Only owners manage libraries and seats.');

const seatLabel = (label: string) => requireText(label, 'label', { max: 40 });
const seatZone = (zone: string | null | undefined) => (zone == null ? null : requireText(zone, 'zone', { max: 80 }));
function seatFeatures(features: readonly string[] | null | undefined): string[] {
  const list = (features ?? []).map((feature) => requireText(feature, 'features', { max: 40 }).toLowerCase());
  if (list.length > 20) throw badUserInput('A seat has at most 20 features.', 'features');
  return [...new Set(list)];
}

export const libraryMutations: Pick<MutationResolvers, 'createLibrary' | 'updateLibrary' | 'closeLibrary' | 'addSeats' | 'updateSeat' | 'deactivateSeat'> = {
  createLibrary: (_parent, { input }, { viewer, db }) => {
    const owner = requireOwner(viewer);
    const library = {
      tenant_id: owner.tenantId,
      name: libraryName(input.name),
      address: libraryAddress(input.address),
      timezone: libraryTimezone(input.timezone),
      opening_hours: openingHoursColumns(input.openingHours),
      ...priceColumns(input.hourlyPrice),
      ...rulesColumns(input.rules),
    };
    return inTenant(db, owner.tenantId, (trx) => insertLibrary(trx, library));
  },

  updateLibrary: async (_parent, { id, input }, { viewer, db }) => {
    const owner = requireOwner(viewer);
    const changes: LibraryUpdate = {
      ...(input.name != null ? { name: libraryName(input.name) } : {}),
      ...(input.address != null ? { address: libraryAddress(input.address) } : {}),
      ...(input.timezone != null ? { timezone: libraryTimezone(input.timezone) } : {}),
      ...(input.openingHours ? { opening_hours: openingHoursColumns(input.openingHours) } : {}),
      ...(input.hourlyPrice ? priceColumns(input.hourlyPrice) : {}),
      ...(input.rules ? rulesColumns(input.rules) : {}),
    };
    const library = isUuid(id) ? await inTenant(db, owner.tenantId, (trx) => updateLibrary(trx, id, changes)) : undefined;
    if (!library) throw notFound('Library');
    return library;
  },

  closeLibrary: async (_parent, { id }, { viewer, db }) => {
    const owner = requireOwner(viewer);
    const library = isUuid(id) ? await inTenant(db, owner.tenantId, (trx) => updateLibrary(trx, id, { status: 'CLOSED' })) : undefined;
    if (!library) throw notFound('Library');
    return library;
  },

  addSeats: async (_parent, { libraryId, seats }, { viewer, db }) => {
    const owner = requireOwner(viewer);
    if (seats.length === 0 || seats.length > 200) throw badUserInput('Add between 1 and 200 seats at a time.', 'seats');
    const rows = seats.map((seat) => ({ tenant_id: owner.tenantId, library_id: libraryId, label: seatLabel(seat.label), zone: seatZone(seat.zone), features: seatFeatures(seat.features) }));
    return inTenant(db, owner.tenantId, async (trx) => {
      const [library] = isUuid(libraryId) ? await findLibrariesByIds(trx, [libraryId]) : [];
      if (!library) throw notFound('Library');
      return insertSeats(trx, rows);
    });
  },

  updateSeat: async (_parent, { id, input }, { viewer, db }) => {
    const owner = requireOwner(viewer);
    const changes: SeatUpdate = {
      ...(input.label != null ? { label: seatLabel(input.label) } : {}),
      ...(input.zone !== undefined ? { zone: seatZone(input.zone) } : {}),
      ...(input.features ? { features: seatFeatures(input.features) } : {}),
    };
    const seat = isUuid(id)
      ? await inTenant(db, owner.tenantId, async (trx) =>
          Object.keys(changes).length > 0 ? updateSeat(trx, id, changes) : (await findSeatsByIds(trx, [id]))[0],
        )
      : undefined;
    if (!seat) throw notFound('Seat');
    return seat;
  },

  deactivateSeat: async (_parent, { id }, { viewer, db }) => {
    const owner = requireOwner(viewer);
    const seat = isUuid(id)
      ? await inTenant(db, owner.tenantId, async (trx) => ((await findSeatsByIds(trx, [id])).length ? updateSeat(trx, id, { active: false }) : undefined))
      : undefined;
    if (!seat) throw notFound('Seat');
    return seat;
  },
};
