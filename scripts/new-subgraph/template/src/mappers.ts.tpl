/** What each GraphQL type's resolvers receive as their parent: codegen maps every `<Type>Mapper` here. */
export type { ItemRow as __Name__ItemMapper } from './db.js';
export type TenantMapper = { id: string };
