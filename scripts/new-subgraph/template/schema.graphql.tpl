extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])

"An ISO-8601 date and time with offset, e.g. `2026-11-23T09:00:00+01:00`."
scalar DateTime

"Where a page of a list ends, and whether another follows."
type PageInfo @shareable {
  hasNextPage: Boolean!
  "Pass as `after` to read the next page."
  endCursor: String
}

type Tenant @key(fields: "id", resolvable: false) {
  id: ID!
}

"An example entity of the __name__ subgraph, owned by a tenant: rename it to what the subgraph owns."
type __Name__Item @key(fields: "id") {
  id: ID!
  tenant: Tenant
  title: String!
  createdAt: DateTime!
}

type __Name__ItemConnection {
  nodes: [__Name__Item!]!
  pageInfo: PageInfo!
}

type Query {
  "Items of the viewer's tenant, newest first; platform admins name a tenant."
  __name__Items(first: Int = 20, after: String, tenantId: ID): __Name__ItemConnection!
}

type Mutation {
  "Adds an item to the viewer's tenant. Staff and owners only."
  add__Name__Item(title: String!): __Name__Item!
}
