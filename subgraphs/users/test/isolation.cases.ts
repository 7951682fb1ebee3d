import { randomBytes, randomUUID } from 'node:crypto';
import { CreateUserDocument, DisableUserDocument, SetUserRoleDocument, UserDocument, UsersDocument } from '../../../test/__generated__/operations.js';
import { attack, defineIsolationCases, eachMemberOfB, ownersOnly, type TenantRole } from '../../../test/support/isolation-kit.js';
import { createMember, type Member } from '../../../test/support/seed-kit.js';

/** Members of A that the owner's controls may promote and disable without disturbing the attackers. */
interface UsersOfA {
  promoted: Member;
  disabled: Member;
}

const unique = () => randomBytes(4).toString('hex');
const newUserInput = (tenantId: string) => ({
  tenantId,
  email: `intruder-${unique()}@example.test`,
  displayName: 'Intruder',
  role: 'STAFF' as const,
  password: `pw-${unique()}-${unique()}`,
});
/** What a member of B would become if the attack worked: the change that hurts most. */
const takeover: Record<TenantRole, 'OWNER' | 'STUDENT'> = { OWNER: 'STUDENT', STAFF: 'STUDENT', STUDENT: 'OWNER' };
/** Owners (and platform admins, who attack no one here) manage users; staff and students never may. */
const managersOnly = ownersOnly;

export default defineIsolationCases<UsersOfA>({
  async setUp({ stack, a }) {
    const spare = () => createMember(stack.graphqlUrl, a.members.OWNER, a.id, a.slug, 'STUDENT');
    return { promoted: await spare(), disabled: await spare() };
  },

  snapshotOfB: 'users(tenantId: $id, first: 100) { nodes { id email displayName role status createdAt tenant { id } } pageInfo { hasNextPage } }',
  // B's members (ids and emails) are the central test's secrets already.
  secretsOfB: () => [],

  rootFields: {
    Query: {
      me: { noForeignId: 'Reads the user named by the token.' },
      user: attack(UserDocument, {
        targets: (world) => eachMemberOfB(world, (member) => ({ id: member.id })),
        nowhere: () => ({ id: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'OWNER', variables: (world) => ({ id: world.a.members.STAFF.id }) }],
      }),
      users: attack(UsersDocument, {
        targets: (world) => ({ "B's users": { tenantId: world.b.id, first: 100 } }),
        nowhere: () => ({ tenantId: randomUUID(), first: 100 }),
        refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
        controls: [
          { as: 'STAFF', variables: (world) => ({ tenantId: world.a.id, first: 100 }) },
          { as: 'OWNER', variables: () => ({ first: 100 }) },
        ],
      }),
    },
    Mutation: {
      register: { noForeignId: 'Public sign-up by slug: adds a new student to the tenant whose link it is, for anyone; names no existing object.' },
      login: { noForeignId: 'Takes credentials, not ids.' },
      refreshSession: { noForeignId: 'Takes a refresh token, an unguessable secret that is itself the credential.' },
      logout: { noForeignId: 'Takes a refresh token, an unguessable secret that is itself the credential.' },
      updateProfile: { noForeignId: 'Changes the user named by the token.' },
      changePassword: { noForeignId: 'Changes the user named by the token.' },
      createUser: attack(CreateUserDocument, {
        targets: (world) => ({ 'a user in B': { input: newUserInput(world.b.id) } }),
        nowhere: () => ({ input: newUserInput(randomUUID()) }),
        refusal: managersOnly,
        controls: [{ as: 'OWNER', variables: (world) => ({ input: newUserInput(world.a.id) }) }],
      }),
      setUserRole: attack(SetUserRoleDocument, {
        targets: (world) => eachMemberOfB(world, (member, role) => ({ userId: member.id, role: takeover[role] })),
        nowhere: () => ({ userId: randomUUID(), role: 'OWNER' as const }),
        refusal: managersOnly,
        controls: [{ as: 'OWNER', variables: (world) => ({ userId: world.own.promoted.id, role: 'STAFF' as const }) }],
      }),
      disableUser: attack(DisableUserDocument, {
        targets: (world) => eachMemberOfB(world, (member) => ({ userId: member.id })),
        nowhere: () => ({ userId: randomUUID() }),
        refusal: managersOnly,
        controls: [{ as: 'OWNER', variables: (world) => ({ userId: world.own.disabled.id }) }],
      }),
    },
  },

  entities: {
    User: {
      own: (world, role) => ({ __typename: 'User', id: world.a.members[role].id }),
      foreign: (world) => eachMemberOfB(world, (member) => ({ __typename: 'User', id: member.id })),
      nowhere: () => ({ __typename: 'User', id: randomUUID() }),
      selection: 'id email displayName role phone smsOptOut whatsappOptOut',
    },
  },
});
