/**
 * Resolves entities the way the router does: `_entities` with representations, posted to one
 * subgraph with the caller's token.
 */
export async function resolveEntities(
  subgraphUrl: string,
  selections: Record<string, string>,
  representations: { __typename: string; id: string }[],
  token?: string,
): Promise<{ data?: { _entities: (Record<string, unknown> | null)[] }; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ${Object.entries(selections)
    .map(([type, selection]) => `... on ${type} { ${selection} }`)
    .join(' ')} } }`;
  const response = await fetch(`${subgraphUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables: { representations } }),
  });
  return response.json() as never;
}
