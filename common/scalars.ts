import type { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';

/** graphql-scalars' DateTime: ISO-8601 with offset out, validated on the way in. */
export const DateTime = DateTimeResolver;
/** graphql-scalars' SafeInt: an integer JavaScript holds exactly (money in minor units). */
export const SafeInt = SafeIntResolver;

/**
 * Every custom scalar a Carrel subgraph may declare, by name: the router checks values of these
 * before planning, so a bad one is the client's 400 rather than a subgraph's refusal mid-plan.
 */
export const PLATFORM_SCALARS: Readonly<Record<string, GraphQLScalarType>> = { DateTime, SafeInt };
