import { Kind, print, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import { eventSubscriptionsOf } from '../events/subscription-declarations.js';

/**
 * Refuses to start a subgraph whose `@eventSubscription` fields the router could not serve: each
 * needs its `filter` root query field, with the subscription's arguments and returning
 * `EventFilter!`, and its `event` root query field `(eventId: ID!)`, both with resolvers.
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
  const problems: string[] = [];
  for (const [name, declaration] of eventSubscriptionsOf(typeDefs)) {
    const subscription = subscriptionFields.get(name)!;
    const filter = queryFields.get(declaration.filter);
    const event = queryFields.get(declaration.event);
    if (!filter) problems.push(`Query.${declaration.filter}(${signature(subscription)}): EventFilter! is missing`);
    else if (signature(filter) !== signature(subscription) || print(filter.type) !== 'EventFilter!') {
      problems.push(`Query.${declaration.filter} must be (${signature(subscription)}): EventFilter!, as Subscription.${name} takes`);
    }
    if (!event) problems.push(`Query.${declaration.event}(eventId: ID!) is missing`);
    else if (signature(event) !== 'eventId: ID!' || namedType(event) !== namedType(subscription)) {
      problems.push(`Query.${declaration.event} must be (eventId: ID!): ${namedType(subscription)}, the type Subscription.${name} delivers`);
    }
    for (const field of [declaration.filter, declaration.event]) {
      if (typeof queryResolvers[field] !== 'function') problems.push(`Query.${field} has no resolver`);
    }
  }
  if (problems.length > 0) throw new Error(`The subgraph's @eventSubscription fields cannot be served:\n  ${problems.join('\n  ')}`);
}
