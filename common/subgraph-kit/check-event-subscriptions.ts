import { Kind, print, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import { eventSubscriptionsOf } from '../events/subscription-declarations.js';

/**
 * Refuses to start a subgraph whose `@eventSubscription` fields the router could not serve: each
 * needs its `filter` root query field, with the subscription's arguments and returning
 * `EventFilter!`, and its `events` root query field `(eventIds: [ID!]!)` returning a list of what
 * the subscription delivers, both with resolvers.
 */
export function checkEventSubscriptions(typeDefs: DocumentNode, resolvers: object): void {
  const queryFields = new Map<string, FieldDefinitionNode>();
  const subscriptionFields = new Map<string, FieldDefinitionNode>();
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const into = definition.name.value === 'Query' ? queryFields : definition.name.value === 'Subscription' ? subscriptionFields : null;
    for (const field of definition.fields ?? []) into?.set(field.name.value, field);
  }
  const queryResolvers = (resolvers as { Query?: Record<string, unknown> }).Query ?? {};
  // Defaults count: the router passes only the arguments a client wrote, so the filter field's
  // defaults are the ones that apply.
  const signature = (field: FieldDefinitionNode) =>
    (field.arguments ?? []).map((argument) => `${argument.name.value}: ${print(argument.type)}${argument.defaultValue ? ` = ${print(argument.defaultValue)}` : ''}`).join(', ');
  const namedType = (field: FieldDefinitionNode) => print(field.type).replace(/[[\]!]/g, '');
  // A list, so one query reads a burst; its items nullable, so an event the viewer may not see is null alone.
  const listOf = (field: FieldDefinitionNode) => `[${namedType(field)}]!`;
  const problems: string[] = [];
  for (const [name, declaration] of eventSubscriptionsOf(typeDefs)) {
    const subscription = subscriptionFields.get(name)!;
    const filter = queryFields.get(declaration.filter);
    const events = queryFields.get(declaration.events);
    if (!filter) problems.push(`Query.${declaration.filter}(${signature(subscription)}): EventFilter! is missing`);
    else if (signature(filter) !== signature(subscription) || print(filter.type) !== 'EventFilter!') {
      problems.push(`Query.${declaration.filter} must be (${signature(subscription)}): EventFilter!, as Subscription.${name} takes`);
    }
    if (!events) problems.push(`Query.${declaration.events}(eventIds: [ID!]!): ${listOf(subscription)} is missing`);
    else if (signature(events) !== 'eventIds: [ID!]!' || print(events.type) !== listOf(subscription)) {
      problems.push(`Query.${declaration.events} must be (eventIds: [ID!]!): ${listOf(subscription)}, a list of what Subscription.${name} delivers`);
    }
    for (const field of [declaration.filter, declaration.events]) {
      if (typeof queryResolvers[field] !== 'function') problems.push(`Query.${field} has no resolver`);
    }
  }
  if (problems.length > 0) throw new Error(`The subgraph's @eventSubscription fields cannot be served:\n  ${problems.join('\n  ')}`);
}
