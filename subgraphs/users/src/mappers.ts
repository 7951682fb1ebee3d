/** What each GraphQL type's resolvers receive as their parent: codegen maps every `<Type>Mapper` here. */
export type { UserRow as UserMapper } from './db.js';
export type TenantMapper = { id: string };
