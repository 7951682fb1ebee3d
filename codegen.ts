import type { CodegenConfig } from '@graphql-codegen/cli';

type Mappers = Record<string, string>;

/** One typed-resolvers entry per subgraph: same plugins, its own schema, context and mappers. */
function subgraph(name: string, contextType: string, mappers: Mappers): CodegenConfig['generates'] {
  return {
    [`subgraphs/${name}/src/__generated__/resolvers-types.ts`]: {
      schema: `subgraphs/${name}/schema.graphql`,
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: `../context.js#${contextType}`,
        mappers,
        scalars: { DateTime: { input: 'Date', output: 'Date | string' }, SafeInt: 'number' },
      },
    },
  };
}

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...subgraph('users', 'UsersContext', {
      User: '../db.js#UserRow',
      Tenant: '{ id: string }',
    }),
    ...subgraph('tenants', 'TenantsContext', {
      Tenant: '../db.js#TenantRow',
      TenantStatusEvent: '../../../../common/events/event.js#CarrelEvent',
    }),
    ...subgraph('bookings', 'BookingsContext', {
      Library: '../db.js#LibraryRow',
      Seat: '../db.js#SeatRow',
      Booking: '../db.js#BookingRow',
      BookingEvent: '../../../../common/events/event.js#CarrelEvent',
      User: '{ id: string }',
      Tenant: '{ id: string }',
    }),
    'test/__generated__/operations.ts': {
      schema: 'schema/api.graphql',
      documents: ['test/operations/**/*.graphql'],
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', SafeInt: 'number' } },
    },
  },
};

export default config;
