import { call } from './graphql-call.js';

/** A group of the tenant's students and an open community, each with a few posts, made as the owner and students would. */
export async function seedDemoCommunities(graphqlUrl: string, ownerToken: string, students: { id: string; token: string }[]): Promise<void> {
  const create = async (input: Record<string, unknown>) =>
    (await call<{ createCommunity: { id: string } }>(graphqlUrl, 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }', { input }, ownerToken)).createCommunity.id;
  const post = (token: string, communityId: string, body: string) =>
    call(graphqlUrl, 'mutation($communityId: ID!, $body: String!) { createPost(communityId: $communityId, body: $body) { id } }', { communityId, body }, token);

  const group = await create({ name: 'Exam prep group', kind: 'GROUP', description: 'Finals, together.' });
  for (const student of students) {
    await call(graphqlUrl, 'mutation($communityId: ID!, $userId: ID!) { addCommunityMember(communityId: $communityId, userId: $userId) { state } }', { communityId: group, userId: student.id }, ownerToken);
  }
  await post(ownerToken, group, 'Welcome! Mock tests run **every Friday at 10:00** in the quiet room.');
  await post(students[0]!.token, group, 'Can someone share the formula sheet for chapter 4?');

  const open = await create({ name: 'Study tips', kind: 'OPEN', description: 'What works for you?' });
  for (const student of students.slice(0, 2)) await call(graphqlUrl, 'mutation($communityId: ID!) { joinCommunity(communityId: $communityId) { state } }', { communityId: open }, student.token);
  await post(students[1]!.token, open, 'Pomodoro: 50 minutes on, 10 off. The seats by the window help.');
}
