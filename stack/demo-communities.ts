import { call } from './graphql-call.js';

/** A group of the tenant's students and an open community, each with a few posts, made as the owner and students would; answers the group. */
export async function seedDemoCommunities(graphqlUrl: string, ownerToken: string, students: { id: string; token: string }[]): Promise<string> {
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
  return group;
}

/**
 * What talking to students looks like: two students give a phone number, the owner announces the
 * Friday mock test to the group in the app, by email and by SMS (spending the tenant's credits,
 * so seeded after them), and a student and the owner exchange direct messages.
 */
export async function seedDemoMessaging(graphqlUrl: string, { ownerToken, ownerId, group, students }: { ownerToken: string; ownerId: string; group: string; students: { id: string; token: string }[] }): Promise<void> {
  for (const [index, student] of students.slice(0, 2).entries()) {
    await call(graphqlUrl, 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }', { input: { phone: `+9198765432${10 + index}` } }, student.token);
  }
  const input = {
    audience: { kind: 'COMMUNITY', communityId: group },
    channels: ['IN_APP', 'EMAIL', 'SMS'],
    subject: 'Mock test on Friday',
    body: 'Hi {{firstName}}, the mock test starts at 10:00 on Friday in the quiet room. Bring your ID card.',
    idempotencyKey: 'demo-mock-test',
  };
  await call(graphqlUrl, 'mutation($input: SendAnnouncementInput!) { sendAnnouncement(input: $input) { id } }', { input }, ownerToken);
  const message = (token: string, toUserId: string, body: string) =>
    call(graphqlUrl, 'mutation($toUserId: ID!, $body: String!) { sendDirectMessage(toUserId: $toUserId, body: $body) { id } }', { toUserId, body }, token);
  await message(students[0]!.token, ownerId, 'Is the library open on Sunday before the exam?');
  await message(ownerToken, students[0]!.id, 'Yes, from 8:00 to 20:00. Book early, seats go fast.');
}
