import { Kind, type DocumentNode } from 'graphql';

/** The root query fields a subscription field declares with `@eventSubscription`. */
export interface EventSubscriptionDeclaration {
  /** Answers `EventFilter` for the subscription's arguments. */
  filter: string;
  /** Answers events by `eventIds`, in the order asked, for hydration: a burst's in one query. */
  events: string;
}

/**
 * The `@eventSubscription` fields of a subgraph schema or a supergraph, by subscription field
 * name: how the router learns which subscriptions a subgraph serves and how, with no code per field.
 */
export function eventSubscriptionsOf(document: DocumentNode): Map<string, EventSubscriptionDeclaration> {
  const declarations = new Map<string, EventSubscriptionDeclaration>();
  for (const definition of document.definitions) {
    if ((definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) || definition.name.value !== 'Subscription') continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((candidate) => candidate.name.value === 'eventSubscription');
      if (!directive) continue;
      const value = (name: string) => {
        const node = directive.arguments?.find((argument) => argument.name.value === name)?.value;
        if (node?.kind !== Kind.STRING) throw new Error(`@eventSubscription on Subscription.${field.name.value} needs ${name}: "<root query field>".`);
        return node.value;
      };
      declarations.set(field.name.value, { filter: value('filter'), events: value('events') });
    }
  }
  return declarations;
}
