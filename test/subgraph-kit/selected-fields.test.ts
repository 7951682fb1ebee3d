import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFields } from '../../common/operations/selected-fields.js';

const schema = buildSchema(`
  type Query { page: Page }
  type Page { nodes: [Item] }
  type Item { id: ID, seat: Seat, library: Place }
  type Seat { label: String, library: Place }
  type Place { name: String }
`);

/** What `selectedFields` sees from the root field `page` of `query`. */
async function seenBy(query: string, path: string[]): Promise<string[]> {
  let seen: Set<string> | undefined;
  const result = await graphql({
    schema,
    source: query,
    rootValue: { page: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => ((seen = selectedFields(info, path)), { nodes: [] }) },
  });
  expect(result.errors).toBeUndefined();
  return [...seen!].sort();
}

describe('the fields a caller selects below a list', () => {
  it('are found through aliases, inline fragments and named fragments alike', async () => {
    const query = `
      query { page { nodes { id placeOf: library { name } ... on Item { seat { label } } ...More } } }
      fragment More on Item { seat { library { name } } }`;
    expect(await seenBy(query, ['nodes'])).toEqual(['id', 'library', 'seat']);
    expect(await seenBy(query, ['nodes', 'seat'])).toEqual(['label', 'library']);
  });

  it('are none where nothing is selected at that path', async () => {
    expect(await seenBy('{ page { nodes { id } } }', ['nodes', 'seat'])).toEqual([]);
  });
});
