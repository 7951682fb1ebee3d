import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AddCommunityMemberDocument, CreateCommunityDocument, CreatePostDocument, HidePostDocument } from '../../../test/__generated__/operations.js';
import { must } from '../../../test/support/client.js';
import { resolveEntities } from '../../../test/support/entities.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from '../../../test/support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../../../test/support/stack.js';

/**
 * Every @key type of the communities subgraph resolved as the router resolves it: `_entities`
 * with representations, posted to the subgraph itself with the caller's token.
 */
const SELECTIONS = {
  Community: '__typename id name kind viewerMembership { state role }',
  Post: '__typename id body state community { id }',
  User: '__typename id communities { nodes { id } }',
  Library: '__typename id communities { nodes { id } }',
};

let stack: TestStack;
let tenant: TenantFixture;
let member: Member;
let outsider: Member;
let group: string;
let open: string;
let post: string;
let hidden: string;
const libraryId = randomUUID();

const resolve = async (representations: { __typename: string; id: string }[], token?: string) => {
  const response = await resolveEntities(stack.subgraphs.communities.url, SELECTIONS, representations, token);
  expect(response.errors).toBeUndefined();
  return response.data!._entities;
};

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  [member, outsider] = await Promise.all([registerStudent(stack.graphqlUrl, tenant.slug), registerStudent(stack.graphqlUrl, tenant.slug)]);
  const create = async (kind: 'GROUP' | 'OPEN') =>
    (await must(stack.graphqlUrl, CreateCommunityDocument, { input: { name: `${kind} of the library`, kind, libraryId } }, tenant.owner.token)).createCommunity.id;
  [group, open] = await Promise.all([create('GROUP'), create('OPEN')]);
  await must(stack.graphqlUrl, AddCommunityMemberDocument, { communityId: group, userId: member.id }, tenant.owner.token);
  post = (await must(stack.graphqlUrl, CreatePostDocument, { communityId: group, body: 'Hello group' }, member.token)).createPost.id;
  hidden = (await must(stack.graphqlUrl, CreatePostDocument, { communityId: group, body: 'Off topic' }, member.token)).createPost.id;
  await must(stack.graphqlUrl, HidePostDocument, { id: hidden, reason: 'Off topic' }, tenant.owner.token);
});

describe('communities entities', () => {
  it('resolves communities, posts, users and libraries in the order asked, for a member', async () => {
    expect(await resolve([{ __typename: 'Post', id: post }, { __typename: 'Community', id: group }, { __typename: 'User', id: member.id }, { __typename: 'Library', id: libraryId }], member.token)).toEqual([
      { __typename: 'Post', id: post, body: 'Hello group', state: 'VISIBLE', community: { id: group } },
      { __typename: 'Community', id: group, name: 'GROUP of the library', kind: 'GROUP', viewerMembership: { state: 'ACTIVE', role: 'MEMBER' } },
      { __typename: 'User', id: member.id, communities: { nodes: [{ id: group }] } },
      // The member sees the open community and their own group, not groups they are not in.
      { __typename: 'Library', id: libraryId, communities: { nodes: expect.arrayContaining([{ id: group }, { id: open }]) } },
    ]);
  });

  it('answers null for what the caller may not see: a group and its posts to a student outside it, anything to nobody signed in, an id that exists nowhere', async () => {
    const [groupToOutsider, postToOutsider, openToOutsider] = await resolve([{ __typename: 'Community', id: group }, { __typename: 'Post', id: post }, { __typename: 'Community', id: open }], outsider.token);
    expect([groupToOutsider, postToOutsider]).toEqual([null, null]);
    expect(openToOutsider).toMatchObject({ id: open, viewerMembership: null });
    expect(await resolve([{ __typename: 'Community', id: open }, { __typename: 'Post', id: post }])).toEqual([null, null]);
    expect(await resolve([{ __typename: 'Community', id: randomUUID() }, { __typename: 'Post', id: 'not-an-id' }], member.token)).toEqual([null, null]);
  });

  it('shows a hidden post to no one by its body, its moderators included', async () => {
    const [asMember, asOwner] = [await resolve([{ __typename: 'Post', id: hidden }], member.token), await resolve([{ __typename: 'Post', id: hidden }], tenant.owner.token)];
    for (const [entity] of [asMember, asOwner]) expect(entity).toMatchObject({ id: hidden, state: 'HIDDEN', body: '' });
  });
});
