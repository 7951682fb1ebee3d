import { beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../../subgraphs/index.js';
import { loginAdmin, type Member } from '../support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Member;
beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
});

const notJson = { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT' } }] };
const tooLarge = { errors: [{ message: 'The request body is too large.', extensions: { code: 'BAD_USER_INPUT' } }] };

/** A POST to a subgraph's /graphql, as the router (plain JSON) or as another client would send it. */
const post = (name: (typeof SUBGRAPHS)[number]['name'], body: string, contentType = 'application/json') =>
  fetch(`${stack.subgraphs[name].url}/graphql`, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${admin.token}` }, body });

describe('POST /graphql answered without Express', () => {
  it('answers the same bytes as through Express, neither with an ETag', async () => {
    const query = JSON.stringify({ query: '{ me { id email displayName role } }' });
    // A parameter other than the charset sends the request Express's way, as before.
    const [plain, viaExpress] = await Promise.all([post('users', query), post('users', query, 'application/json; profile=x')]);
    expect(plain.status).toBe(200);
    expect(viaExpress.status).toBe(200);
    expect(await plain.text()).toBe(await viaExpress.text());
    expect(plain.headers.get('content-type')).toBe(viaExpress.headers.get('content-type'));
    expect(viaExpress.headers.get('etag')).toBeNull();
    expect(plain.headers.get('etag')).toBeNull();
  });

  it('the router answers the same bytes and headers as through Express, its front door included, neither with an ETag', async () => {
    const body = JSON.stringify({ query: '{ me { id email displayName role } }' });
    const ask = (contentType: string) => fetch(stack.graphqlUrl, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${admin.token}`, origin: 'https://portal.example' }, body });
    const [plain, viaExpress] = await Promise.all([ask('application/json'), ask('application/json; profile=x')]);
    expect(await plain.text()).toBe(await viaExpress.text());
    const headers = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => !['date', 'x-request-id'].includes(name)));
    expect(headers(plain)).toEqual(headers(viaExpress));
    expect(headers(plain)).toMatchObject({ 'content-security-policy': expect.any(String) });
    expect(plain.headers.get('etag')).toBeNull();
  });

  it.each(SUBGRAPHS.map(({ name }) => name))('%s refuses a body that is not JSON, or JSON but not an object, as express.json() did', async (name) => {
    for (const body of ['{"query": ', 'null', '"{ me { id } }"', '42']) {
      const response = await post(name, body);
      expect(response.status, body).toBe(400);
      expect(await response.json(), body).toEqual(notJson);
    }
  });

  it('refuses a body over 1 MB with 413, and answers an empty one as Apollo Server answers no query', async () => {
    const huge = await post('users', JSON.stringify({ query: `{ me { id } } #${'x'.repeat(1024 * 1024)}` }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual(tooLarge);

    const [empty, emptyViaExpress] = await Promise.all([post('users', ''), post('users', '', 'application/json; profile=x')]);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toBe(await emptyViaExpress.text());
  });
});
