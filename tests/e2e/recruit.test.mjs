// Recruitment journeys against the real server on a demo database (web/dist must be built first):
// the recruiter creates a post and moves an applicant on the board; the student applies to a
// recommended post (desktop and phone width); the event big screen follows a check-in made
// through the API. Each journey fails on any console error it did not provoke, and leaves a
// screenshot of its last page in artifacts/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

function journey(name, shot, options, body) {
  test(name, async () => {
    const browser = await openBrowser(options);
    let failure = null;
    try {
      await body(browser.page, browser);
    } catch (e) {
      failure = e;
    }
    await browser.screenshot(shot).catch(() => undefined);
    await browser.close();
    if (failure) {
      if (browser.errors.length)
        failure.message += `\nbrowser errors:\n${browser.errors.join('\n')}`;
      throw failure;
    }
    assert.deepEqual(browser.errors, [], 'the browser reported errors');
  });
}

async function signIn(page, role) {
  const { email, password } = server.logins[role];
  await page.goto(`${server.url}/login`);
  await page.getByLabel(/^(电子邮箱|E-mail)$/).fill(email);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

/** Waits until no loading mask shows, and checks that no load error is shown. */
async function settled(page) {
  await page.locator('section[data-testid^="page-"]').first().waitFor();
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('.el-loading-mask')].some(
        (el) => el.getClientRects().length > 0,
      ),
  );
  assert.equal(await page.locator('.el-alert--error').count(), 0, 'a load error is shown');
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => el.type !== 'hidden')
      .filter(
        (el) =>
          !(el.labels && el.labels.length) &&
          !el.getAttribute('aria-label') &&
          !el.getAttribute('aria-labelledby'),
      )
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  assert.deepEqual(unlabelled, [], 'form controls without a label');
}

async function openFromMenu(page, label, narrow) {
  if (narrow) await page.getByTestId('open-menu').click();
  await page.getByTestId('nav-menu').locator('.el-menu-item', { hasText: label }).click();
  if (narrow) await page.locator('.el-drawer.menu-drawer').waitFor({ state: 'hidden' });
  await page.locator('h1', { hasText: label }).waitFor();
  await settled(page);
}

async function noHorizontalScroll(page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `the page is ${scroll}px wide in a ${width}px window`);
}

/** A JSON call through the page's session (cookie + CSRF token from /auth/me). */
async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await fetch('/api/v1/auth/me').then((r) => r.json());
      const resp = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: resp.status, body: await resp.json() };
    },
    { method, path, body },
  );
}

/** A server session outside the browser (node's fetch): login, then JSON calls. */
async function apiSession(role) {
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
    return { status: resp.status, body: await resp.json() };
  };
}

const columnOf = (page, state) => page.getByTestId(`column-${state}`);

journey(
  'the recruiter creates a post and moves an applicant to interview on the board',
  'recruit-recruiter-board',
  {
    allowedErrors: [
      { status: 422, path: '/api/v1/posts' },
      { status: 409, path: '/transitions' },
    ],
  },
  async (page) => {
    await signIn(page, 'enterprise_recruiter');
    await page.waitForURL(/\/my-organization$/);
    await openFromMenu(page, '应聘看板');

    // A new post: the API's refusal shows next to the field it names, then it is saved.
    const title = `E2E 智能制造工程师 ${Date.now() % 100000}`;
    await page.getByTestId('new-post').click();
    const form = page.getByTestId('post-form');
    await form.waitFor();
    await form.getByLabel('岗位名称').fill(title);
    await form.getByLabel('地区代码').fill('210703');
    await form.getByLabel('最低月薪（元）').fill('9000');
    await form.getByLabel('最高月薪（元）').fill('5000');
    await page.getByTestId('post-save').click();
    const salaryItem = form.locator('.el-form-item', { has: page.locator('#pf-salary-max') });
    await salaryItem.locator('.el-form-item__error').waitFor();
    assert.match(await salaryItem.locator('.el-form-item__error').innerText(), /最小值/);
    await form.getByLabel('最高月薪（元）').fill('12000');
    await page.getByTestId('post-save').click();
    await form.waitFor({ state: 'detached' });
    await page
      .locator('#board-post')
      .locator('xpath=ancestor::div[contains(@class,"el-select")]')
      .getByText(title)
      .waitFor();
    const created = await api(
      page,
      'GET',
      `/posts?organization_id=10&title=${encodeURIComponent(title)}`,
    );
    assert.equal(created.body.items.length, 1, 'the post was not created once');

    // An application in screening from the demo, on its post's board.
    const screening = await api(page, 'GET', '/applications?state=screening&limit=1');
    assert.equal(screening.status, 200);
    const app = screening.body.items[0];
    assert.ok(app, 'the demo has no application in screening for this recruiter');
    await page.goto(`${server.url}/recruit/board?post=${app.post_id}`);
    await settled(page);
    const card = page.getByTestId(`card-${app.id}`);
    await columnOf(page, 'screening').getByTestId(`card-${app.id}`).waitFor();

    // Drag it to interview.
    await card.dragTo(columnOf(page, 'interview'));
    await columnOf(page, 'interview').getByTestId(`card-${app.id}`).waitFor();
    await page.locator('.el-message--success').first().waitFor();
    const after = await api(page, 'GET', `/applications/${app.id}`);
    assert.equal(after.body.state, 'interview');

    // Its history shows the move.
    await card.locator('.card-name').click();
    const history = page.getByTestId('application-history');
    await history.getByText('筛选中 → 面试').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('application-detail').waitFor({ state: 'detached' });

    // A move the machine does not have, by keyboard through the card's menu: refused, the card
    // snaps back and the server's explanation with the allowed moves is shown.
    await card.getByRole('button', { name: `移动申请 ${app.id}` }).focus();
    await page.keyboard.press('Enter');
    const signed = page.locator('.el-dropdown-menu__item:visible', { hasText: '已签约' });
    await signed.waitFor();
    await signed.click();
    const refusal = page.getByTestId('board-refusal');
    await refusal.waitFor();
    const text = await refusal.innerText();
    assert.match(text, /无法从“面试”移到“已签约”/);
    assert.match(text, /服务器说明：.*interview/);
    assert.match(text, /可以移到：.*意向/);
    await columnOf(page, 'interview').getByTestId(`card-${app.id}`).waitFor();
    assert.equal(await columnOf(page, 'signed').getByTestId(`card-${app.id}`).count(), 0);

    // The post's recommended candidates, with their reasons.
    await page.getByRole('tab', { name: '推荐人才' }).click();
    const candidates = page.getByTestId('candidates');
    await candidates.getByTestId('match-reasons').first().waitFor();
    assert.ok((await candidates.getByTestId('match-reason').count()) >= 3);
  },
);

for (const narrow of [false, true]) {
  journey(
    `the student applies to a recommended post${narrow ? ' on a phone' : ''}`,
    `recruit-student-apply${narrow ? '-375' : ''}`,
    {
      viewport: narrow ? { width: 375, height: 740 } : { width: 1280, height: 800 },
      allowedErrors: [{ status: 422, path: '/api/v1/applications' }],
    },
    async (page) => {
      await signIn(page, 'student');
      await page.waitForURL(/\/my-profile$/);
      await openFromMenu(page, '为我推荐', narrow);
      const cards = page.getByTestId('recommendation');
      await cards.first().waitFor();
      const reasons = await cards.first().getByTestId('match-reason').allInnerTexts();
      assert.ok(reasons.length >= 3, 'a recommendation shows fewer than three reasons');
      assert.ok(
        reasons.some((r) => /[\u4e00-\u9fff]/.test(r)),
        'the reasons are not in Chinese',
      );
      if (narrow) await noHorizontalScroll(page);

      // The best full-time fits are for this year's graduates: the refusal lists its reasons.
      await page.locator('.el-select', { has: page.locator('#rec-kind') }).click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '全职' }).click();
      await settled(page);
      await cards.first().getByTestId('apply').click();
      const refusal = cards.first().getByTestId('apply-reasons');
      await refusal.waitFor();
      assert.match(await refusal.innerText(), /届/);

      // A part-time post (any major): applied.
      await page.locator('.el-select', { has: page.locator('#rec-kind') }).click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '兼职' }).click();
      await settled(page);
      const open = cards.filter({ has: page.getByTestId('apply') }).first();
      const title = (await open.locator('.rec-title').innerText()).trim();
      await open.getByTestId('apply').click();
      await page.locator('.el-message--success', { hasText: title }).waitFor();
      const mine = await api(page, 'GET', '/applications?limit=200');
      const applied = mine.body.items.filter((a) => a.state === 'applied');
      assert.ok(applied.length > 0);
      if (narrow) await noHorizontalScroll(page);

      // It is in my applications, applied, with its history.
      await openFromMenu(page, '我的申请', narrow);
      const row = page.getByTestId('my-application').filter({ hasText: title }).first();
      await row.waitFor();
      assert.equal((await row.getByTestId('my-application-state').innerText()).trim(), '已投递');
      await row.getByTestId('toggle-history').click();
      await row.getByTestId('history-item').first().waitFor();
      assert.match(await row.getByTestId('application-history').innerText(), /已投递/);
      if (narrow) await noHorizontalScroll(page);
    },
  );
}

journey(
  'the event big screen follows a check-in made through the API',
  'recruit-event-screen',
  { viewport: { width: 1280, height: 720 }, allowedErrors: [{ status: 503, path: '/live' }] },
  async (page) => {
    // The student registers for an event and gets a check-in code.
    await signIn(page, 'student');
    await page.waitForURL(/\/my-profile$/);
    await openFromMenu(page, '招聘活动');
    const event = page.locator('[data-testid^="event-"]').first();
    await event.waitFor();
    const eventId = Number((await event.getAttribute('data-testid')).replace('event-', ''));
    await event.getByTestId('register').click();
    const code = (await event.getByTestId('checkin-code').innerText()).trim();
    assert.match(code, /^[A-Z0-9]{6,}$/);

    // The big screen shows the counters from the live stream. Its first connection is refused
    // (503): the screen says so and connects again by itself.
    let streams = 0;
    await page.route('**/api/v1/events/*/live', (route) =>
      ++streams === 1
        ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' })
        : route.continue(),
    );
    await event.getByRole('link', { name: '打开大屏' }).click();
    await page.waitForURL(new RegExp(`/events/${eventId}/screen$`));
    const value = (key) =>
      page.getByTestId(`counter-${key}`).locator('.value').getAttribute('data-value');
    await page.getByTestId('screen-connection').getByText('实时').waitFor();
    assert.ok(streams >= 2, `the screen did not reconnect (${streams} stream requests)`);
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid="counter-registrations"] .value')?.dataset.value,
        ) >= 1,
    );
    const before = Number(await value('checkins'));

    // An officer checks the student in through the API; the screen shows it within seconds.
    const officer = await apiSession('platform_admin');
    const checkin = await officer('POST', `/events/${eventId}/checkins`, { code });
    assert.equal(checkin.status, 200, JSON.stringify(checkin.body));
    await page.waitForFunction(
      (n) =>
        document.querySelector('[data-testid="counter-checkins"] .value')?.textContent.trim() ===
        String(n),
      before + 1,
      { timeout: 5_000 },
    );
    assert.equal(Number(await value('checkins')), before + 1);
    const enterprises = await page.getByTestId('screen-enterprises').locator('li').count();
    assert.ok(enterprises > 0, 'no participating enterprise is shown');
    await page.waitForTimeout(1000); // the count-up animation ends before the screenshot
  },
);
