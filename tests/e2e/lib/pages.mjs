// Helpers shared by journey files: a journey wrapper (fresh browser, screenshot, no console
// errors), signing in, picking from a select, waiting for a page to settle, checks every page
// must pass (labelled controls, no sideways scrolling), and calling the API as the signed-in
// user or from node.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openBrowser } from './browser.mjs';

const slug = (s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * One journey: a fresh browser, the body, a screenshot of the last page (artifacts/SHOT.png with
 * `options.shot`, else the name as a slug), no console errors.
 */
export function journey(name, options, body) {
  const { shot, ...browserOptions } = options;
  test(name, async () => {
    const browser = await openBrowser(browserOptions);
    let failure = null;
    try {
      await body(browser.page, browser);
    } catch (e) {
      failure = e;
    }
    await browser.screenshot(shot ?? slug(name)).catch(() => undefined);
    await browser.close();
    if (failure) {
      if (browser.errors.length)
        failure.message += `\nbrowser errors:\n${browser.errors.join('\n')}`;
      throw failure;
    }
    assert.deepEqual(browser.errors, [], 'the browser reported errors');
  });
}

/** Picks an option of an Element Plus select, typing into it when it searches. */
export async function choose(page, input, option, typed) {
  if (typed !== undefined) {
    await input.click();
    await input.fill(typed);
  } else {
    // A select that does not search opens from its box (its input is covered).
    await input
      .locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " el-select ")][1]')
      .click();
  }
  const item = page.locator('.el-select-dropdown__item:visible', { hasText: option }).first();
  await item.waitFor();
  await item.click();
}

/** Signs in through the login form and waits until the app has left it. */
export async function signIn(page, server, role) {
  const { email, password } = server.logins[role];
  await page.goto(`${server.url}/login`);
  await page.getByLabel(/^(电子邮箱|E-mail)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Every visible form control has a label (a <label>, aria-label or aria-labelledby). */
export async function inputsLabelled(page) {
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
  await inputsLabelled(page);
}

/** The page is no wider than the window (nothing scrolls sideways). */
export async function noHorizontalScroll(page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `the page is ${scroll}px wide in a ${width}px window`);
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

/** A session outside the browser (node's fetch) for `role`: login, then JSON calls. */
export async function apiSession(server, role) {
  const { email, password } = server.logins[role];
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(login.status, 200, `${role} cannot sign in`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrf_token: csrf } = await login.json();
  return async (method, path, body) => {
    const resp = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Cookie: cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: resp.status, body: await resp.json().catch(() => null) };
  };
}
