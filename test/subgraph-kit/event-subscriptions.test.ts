import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkEventSubscriptions } from '../../common/subgraph-kit/check-event-subscriptions.js';

const schema = (query: string) =>
  parse(`
    directive @eventSubscription(filter: String!, event: String!) on FIELD_DEFINITION
    type EventFilter { tenantId: ID! }
    type Thing { id: ID! }
    type Subscription { things(kind: String, tenantId: ID): Thing! @eventSubscription(filter: "thingsFilter", event: "thingEvent") }
    type Query { ${query} }
  `);
const resolve = () => null;

describe('a subgraph’s @eventSubscription fields', () => {
  it('start when their filter and event fields are declared as the router calls them, with resolvers', () => {
    expect(() =>
      checkEventSubscriptions(schema('thingsFilter(kind: String, tenantId: ID): EventFilter! thingEvent(eventId: ID!): Thing'), { Query: { thingsFilter: resolve, thingEvent: resolve } }),
    ).not.toThrow();
  });

  it('refuse to start when an argument’s default differs, or the event field answers another type', () => {
    const resolvers = { Query: { thingsFilter: resolve, thingEvent: resolve } };
    expect(() => checkEventSubscriptions(schema('thingsFilter(kind: String = "all", tenantId: ID): EventFilter! thingEvent(eventId: ID!): Thing'), resolvers)).toThrow(
      /thingsFilter must be \(kind: String, tenantId: ID\): EventFilter!/,
    );
    expect(() => checkEventSubscriptions(schema('thingsFilter(kind: String, tenantId: ID): EventFilter! thingEvent(eventId: ID!): EventFilter'), resolvers)).toThrow(
      /thingEvent must be \(eventId: ID!\): Thing/,
    );
  });

  it('refuse to start when a field is missing, takes other arguments, or has no resolver', () => {
    expect(() => checkEventSubscriptions(schema('thingEvent(eventId: ID!): Thing'), { Query: { thingEvent: resolve } })).toThrow(/Query\.thingsFilter\(kind: String, tenantId: ID\): EventFilter! is missing/);
    expect(() =>
      checkEventSubscriptions(schema('thingsFilter(kind: String): EventFilter! thingEvent(id: ID!): Thing'), { Query: { thingsFilter: resolve, thingEvent: resolve } }),
    ).toThrow(/thingsFilter must be \(kind: String, tenantId: ID\): EventFilter![\s\S]*thingEvent must be \(eventId: ID!\): Thing/);
    expect(() => checkEventSubscriptions(schema('thingsFilter(kind: String, tenantId: ID): EventFilter! thingEvent(eventId: ID!): Thing'), { Query: { thingsFilter: resolve } })).toThrow(
      /Query\.thingEvent has no resolver/,
    );
  });
});
