import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DocumentNode } from 'graphql';
import type { CarrelEvent } from '../../common/events/event.js';
import type { EventRecorder } from './event-recorder.js';
import type { Member } from './seed-kit.js';
import type { TestStack } from './stack.js';

/**
 * What a subgraph's `test/isolation.cases.ts` gives the central isolation test
 * (`test/isolation.test.ts`): how a member of tenant A aims each of the subgraph's root fields and
 * entities at tenant B, and the objects of its own the attacks need. The central test finds the
 * subgraph's fields and entities in the supergraph and fails for any without a case here.
 */

export type TenantRole = 'OWNER' | 'STAFF' | 'STUDENT';
export const ROLES: readonly TenantRole[] = ['OWNER', 'STAFF', 'STUDENT'];

/** A tenant of the world, with a signed-in member of every role. */
export interface CoreSide {
  id: string;
  slug: string;
  name: string;
  members: Record<TenantRole, Member>;
}

/** Two tenants, made through the public API before any subgraph sets up its own objects. */
export interface CoreWorld {
  stack: TestStack;
  admin: Member;
  a: CoreSide;
  b: CoreSide;
  /** Every event the bus has delivered since the world began. */
  recorder: EventRecorder;
}

/** The core world and what this subgraph set up in it (`own`). */
export interface World<Own> extends CoreWorld {
  own: Own;
}

export type Variables = Record<string, unknown>;

/**
 * An error code, or NULL for fields that answer an id they will not show with null and no error
 * at all, exactly as they answer one that exists nowhere; NULL_ITEMS for fields that read a list
 * of ids and answer each one they will not show with a null in its place.
 */
export type RefusalCode = 'NOT_FOUND' | 'FORBIDDEN' | 'NULL' | 'NULL_ITEMS';

export interface Attack<Own> {
  document: DocumentNode;
  /** The calls a member of A makes, each naming one of B's objects, by label. */
  targets: (world: World<Own>) => Record<string, Variables>;
  /** The same call naming an object that exists nowhere; naming B's must be indistinguishable from it. */
  nowhere?: (world: World<Own>) => Variables;
  /** NOT_FOUND (NULL or NULL_ITEMS for fields that answer an unknown id with null); FORBIDDEN only for roles that may never use the field at all. */
  refusal: RefusalCode | Record<TenantRole, RefusalCode>;
  /** The same call on A's own objects, which succeeds: the attack differs only in whose object it names. */
  controls?: { as: TenantRole; variables: (world: World<Own>) => Variables }[];
  /** Checks beyond B's snapshot, for attacks that would create something rather than change B. */
  leavesNoTrace?: (variables: Variables, world: World<Own>) => Promise<void>;
}

export type Entry<Own> = Attack<Own> | { noForeignId: string };

/** An attack with its variables typed by its document. */
export function attack<Own, Result, Vars>(
  document: TypedDocumentNode<Result, Vars>,
  spec: Pick<Attack<Own>, 'refusal'> & {
    targets: (world: World<Own>) => Record<string, Vars>;
    nowhere?: (world: World<Own>) => Vars;
    controls?: { as: TenantRole; variables: (world: World<Own>) => Vars }[];
    leavesNoTrace?: (variables: Vars, world: World<Own>) => Promise<void>;
  },
): Attack<Own> {
  return { ...spec, document } as Attack<Own>;
}

export type Representation = { __typename: string } & Record<string, unknown>;

export interface EntityCase<Own> {
  /** Something of this type in A that a member of the given role may see. */
  own: (world: World<Own>, role: TenantRole) => Representation;
  /** B's objects of this type, by label. */
  foreign: (world: World<Own>) => Record<string, Representation>;
  /** A representation of an object that exists nowhere. */
  nowhere: () => Representation;
  /** The fields this subgraph resolves, to select. */
  selection: string;
  /**
   * For a subgraph that only adds fields to a type another subgraph owns, and so cannot tell
   * whether an object exists: what it may resolve any key to, built from the key alone, instead of null.
   */
  stranger?: (representation: Representation) => Record<string, unknown>;
}

/** What the central test offers a subgraph's tests of its own. */
export interface IsolationHelpers {
  /** B as a platform admin sees it (every subgraph's part), and whether B's members can still renew their sessions. */
  snapshotOfB(): Promise<unknown>;
  /** Fails if the response holds anything only B's data contains; `named` are ids A sent itself. */
  expectNothingOfB(response: unknown, named?: string[]): void;
  /** What a client can tell from a response: status, data and errors without source positions. */
  observable(response: { status: number; data?: unknown; errors?: { message: string; extensions?: unknown }[] }): unknown;
}

export interface IsolationCases<Own> {
  /** This subgraph's objects in A and B (and spares for the controls), made through the public API. */
  setUp(core: CoreWorld): Promise<Own>;
  /** Root query fields, with `$id` the tenant's id, that show a platform admin B's data in this subgraph. */
  snapshotOfB: string;
  /** Strings only this subgraph's data of B contains: none may reach a member of A. */
  secretsOfB(world: World<Own>): string[];
  /** An entry for every root field this subgraph resolves, public or internal. */
  rootFields: { Query?: Record<string, Entry<Own>>; Mutation?: Record<string, Entry<Own>> };
  /** A case for every entity type this subgraph resolves by key. */
  entities: Record<string, EntityCase<Own>>;
  /** Describe blocks of the subgraph's own that need the world, registered by the central test. */
  moreTests?(world: () => World<Own>, helpers: IsolationHelpers): void;
}

export const defineIsolationCases = <Own>(cases: IsolationCases<Own>): IsolationCases<Own> => cases;

/** Labels for each of B's members, for attacks aimed at every one. */
export const eachMemberOfB = <V>(world: CoreWorld, variables: (member: Member, role: TenantRole) => V): Record<string, V> =>
  Object.fromEntries(ROLES.map((role) => [`B's ${role.toLowerCase()}`, variables(world.b.members[role], role)]));

/** Only owners may use the field at all (and so are the ones refused with NOT_FOUND). */
export const ownersOnly = { OWNER: 'NOT_FOUND', STAFF: 'FORBIDDEN', STUDENT: 'FORBIDDEN' } as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds; setup fails naming `what` if it never does. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() >= deadline) throw new Error(`Gave up waiting until ${what}`);
    await sleep(50);
  }
}

/** The id of the one recorded event that matches, once the bus has delivered it. */
export async function recordedEventId(recorder: EventRecorder, what: string, matches: (event: CarrelEvent) => boolean): Promise<string> {
  await until(`the bus delivers ${what}`, () => recorder.events.some(matches));
  const found = recorder.events.filter(matches);
  if (found.length !== 1) throw new Error(`Expected one event for ${what}, received ${found.length}`);
  return found[0]!.id;
}
