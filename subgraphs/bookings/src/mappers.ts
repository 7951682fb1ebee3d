/** What each GraphQL type's resolvers receive as their parent: codegen maps every `<Type>Mapper` here. */
export type { LibraryRow as LibraryMapper, SeatRow as SeatMapper, BookingRow as BookingMapper, BookingPolicy as BookingPolicyMapper } from './db.js';
export type { CarrelEvent as BookingEventMapper } from '../../../common/events/event.js';
export type UserMapper = { id: string };
export type TenantMapper = { id: string };
