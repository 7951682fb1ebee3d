import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkEventSubscriptions } from '../../common/subgraph-kit/check-event-subscriptions.js';

const schema = (query: string) =>
  parse(`
    directive @eventSubscription(filter: String!, events: String!) on FIELD_DEFINITION
    type EventFilter { tenantId: ID! }
    type Thing { id: ID! }
    type Subscription { things(kind: String, tenantId: ID): Thing! @eventSubscription(filter: "thingsFilter", events: "thingEvents") }
    type Query { ${query} }
  `);
const resolve = () => null;
const FILTER = 'thingsFilter(kind: String, tenantId: ID): EventFilter!';
const EVENTS = 'thingEvents(eventIds: [ID!]!): [Thing]!';

describe('a subgraph’s @eventSubscription fields', () => {
  it('start when their filter and events fields are declared as the router calls them, with resolvers', () => {
    expect(() => checkEventSubscriptions(schema(`${FILTER} ${EVENTS}`), { Query: { thingsFilter: resolve, thingEvents: resolve } })).not.toThrow();
  });

  it('refuse to start when an argument’s default differs, or the events field answers another type', () => {
    const resolvers = { Query: { thingsFilter: resolve, thingEvents: resolve } };
    expect(() => checkEventSubscriptions(schema(`thingsFilter(kind: String = "all", tenantId: ID): EventFilter! ${EVENTS}`), resolvers)).toThrow(
      /thingsFilter must be \(kind: String, tenantId: ID\): EventFilter!/,
    );
    const mustBe = /thingEvents must be \(eventIds: \[ID!\]!\): \[Thing\]!/;
    expect(() => checkEventSubscriptions(schema(`${FILTER} thingEvents(eventIds: [ID!]!): [EventFilter]!`), resolvers)).toThrow(mustBe);
    // One event at a time, or a list whose one unreadable event would null the whole burst.
    expect(() => checkEventSubscriptions(schema(`${FILTER} thingEvents(eventIds: [ID!]!): Thing`), resolvers)).toThrow(mustBe);
    expect(() => checkEventSubscriptions(schema(`${FILTER} thingEvents(eventIds: [ID!]!): [Thing!]!`), resolvers)).toThrow(mustBe);
  });

  it('refuse to start when a field is missing, takes other arguments, or has no resolver', () => {
    expect(() => checkEventSubscriptions(schema(EVENTS), { Query: { thingEvents: resolve } })).toThrow(/Query\.thingsFilter\(kind: String, tenantId: ID\): EventFilter! is missing/);
    expect(() => checkEventSubscriptions(schema(FILTER), { Query: { thingsFilter: resolve } })).toThrow(/Query\.thingEvents\(eventIds: \[ID!\]!\): \[Thing\]! is missing/);
    expect(() =>
      checkEventSubscriptions(schema('thingsFilter(kind: String): EventFilter! thingEvents(eventId: ID!): [Thing]!'), { Query: { thingsFilter: resolve, thingEvents: resolve } }),
    ).toThrow(/thingsFilter must be \(kind: String, tenantId: ID\): EventFilter![\s\S]*thingEvents must be \(eventIds: \[ID!\]!\): \[Thing\]!/);
    expect(() => checkEventSubscriptions(schema(`${FILTER} ${EVENTS}`), { Query: { thingsFilter: resolve } })).toThrow(/Query\.thingEvents has no resolver/);
  });
});
