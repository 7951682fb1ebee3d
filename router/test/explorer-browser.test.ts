import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumInstalled, launchChromium } from '../../test/support/browser.js';
import { createTenant, loginAdmin, type TenantFixture } from '../../test/support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../../test/support/stack.js';

describe.skipIf(!chromiumInstalled())('the schema explorer in a browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await sharedTestStack();
    tenant = await createTenant(stack.graphqlUrl, await loginAdmin(stack.graphqlUrl));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders GraphiQL, runs a query written by the user against the router, and loads nothing from elsewhere', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    const failures: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(stack.routerUrl)) foreign.push(request.url());
    });
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(`${stack.routerUrl}/explorer`);
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });

    // Typed text would meet the editor's auto-closing brackets; set it as a paste would.
    const query = `{ tenantBySlug(slug: "${tenant.slug}") { name status } }`;
    await page.evaluate((text) => {
      const element = document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { setValue(value: string): void } };
      element.CodeMirror.setValue(text);
    }, query);
    // GraphiQL ignores "run" until its introspection of the schema has come back: press until it answers.
    const result = page.locator('.result-window');
    await expect
      .poll(
        async () => {
          const text = (await result.textContent()) ?? '';
          if (!text.includes('"data"')) await page.click('.graphiql-execute-button');
          return text;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toContain(`Tenant ${tenant.slug}`);

    expect(failures).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
