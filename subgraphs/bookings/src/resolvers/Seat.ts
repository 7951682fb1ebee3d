import type { SeatResolvers } from '../__generated__/resolvers-types.js';

export const Seat: SeatResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.seat.load(reference.id),
  library: (seat, _args, { loaders }) => loaders.library.loadNow(seat.library_id),
};
