import { DateTimeResolver } from 'graphql-scalars';

/** graphql-scalars' DateTime: ISO-8601 with offset out, validated on the way in. */
export const DateTime = DateTimeResolver;
