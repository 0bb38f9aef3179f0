// Helpers shared by journey files: a journey wrapper (fresh browser, screenshot, no console
// errors), signing in, waiting for a page to settle, and calling the API as the signed-in user.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openBrowser } from './browser.mjs';

const slug = (s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** One journey: a fresh browser, the body, a screenshot of the last page, no console errors. */
export function journey(name, options, body) {
  test(name, async () => {
    const browser = await openBrowser(options);
    let failure = null;
    try {
      await body(browser.page, browser);
    } catch (e) {
      failure = e;
    }
    await browser.screenshot(slug(name)).catch(() => undefined);
    await browser.close();
    if (failure) {
      if (browser.errors.length)
        failure.message += `\nbrowser errors:\n${browser.errors.join('\n')}`;
      throw failure;
    }
    assert.deepEqual(browser.errors, [], 'the browser reported errors');
  });
}

export async function signIn(page, server, role) {
  const { email, password } = server.logins[role];
  await page.goto(`${server.url}/login`);
  await page.getByLabel(/^(电子邮箱|E-mail)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The page has rendered, nothing is loading, no load error, every control labelled. */
export async function settled(page) {
  await page.locator('section[data-testid^="page-"]').first().waitFor();
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('.el-loading-mask, .el-skeleton')].some(
        (el) => el.getClientRects().length > 0,
      ),
  );
  assert.equal(await page.locator('.el-alert--error').count(), 0, 'a load error is shown');
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter(
        (el) =>
          el.type !== 'hidden' &&
          el.getClientRects().length > 0 &&
          !(el.labels && el.labels.length) &&
          !el.getAttribute('aria-label') &&
          !el.getAttribute('aria-labelledby'),
      )
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  assert.deepEqual(unlabelled, [], 'form controls without a label');
}

/** Calls the API from the page, as the signed-in user (CSRF token from /auth/me). */
export async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const resp = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: resp.status, body: await resp.json().catch(() => null) };
    },
    { method, path, body },
  );
}
