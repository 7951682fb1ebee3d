/** What each GraphQL type's resolvers receive as their parent: codegen maps every `<Type>Mapper` here. */
export type { TenantRow as TenantMapper } from './db.js';
export type { CarrelEvent as TenantStatusEventMapper } from '../../../common/events/event.js';
