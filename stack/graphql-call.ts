/** One GraphQL call that must succeed: for seeding and benchmarks, which stop on any error. */
export async function call<T>(graphqlUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL call failed: ${body.errors?.map((error) => error.message).join('; ')}`);
  return body.data;
}
