// Recruitment journeys against the real server on a demo database (web/dist must be built first):
// the recruiter creates a post and moves an applicant on the board; the student applies to a
// recommended full-time post (desktop and phone width); the event big screen of the student's
// university job fair follows a check-in made by the university's officer through the API. Each journey fails on any console error it did not provoke, and leaves a
// screenshot of its last page in artifacts/.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import {
  api,
  apiSession,
  journey,
  noHorizontalScroll,
  settled,
  signIn as signInAs,
} from './lib/pages.mjs';
import { startServer } from './lib/server.mjs';

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

const signIn = (page, role) => signInAs(page, server, role);

async function openFromMenu(page, label, narrow) {
  if (narrow) await page.getByTestId('open-menu').click();
  await page.getByTestId('nav-menu').locator('.el-menu-item', { hasText: label }).click();
  if (narrow) await page.locator('.el-drawer.menu-drawer').waitFor({ state: 'hidden' });
  await page.locator('h1', { hasText: label }).waitFor();
  await settled(page);
}

const columnOf = (page, state) => page.getByTestId(`column-${state}`);

journey(
  'the recruiter creates a post and moves an applicant to interview on the board',
  {
    shot: 'recruit-recruiter-board',
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
    {
      shot: `recruit-student-apply${narrow ? '-375' : ''}`,
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

      // The demo student graduates next summer: full-time posts are open to them. They apply to
      // the best full-time fit that takes them; a refusal on the way shows its reasons.
      await page.locator('.el-select', { has: page.locator('#rec-kind') }).click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '全职' }).click();
      await settled(page);
      await cards.first().waitFor();
      let title = null;
      const shown = await cards.count();
      for (let i = 0; i < shown && !title; i++) {
        const card = cards.nth(i);
        if ((await card.getByTestId('apply').count()) === 0) continue; // applied already
        const name = (await card.locator('.rec-title').innerText()).trim();
        await card.getByTestId('apply').click();
        const outcome = await Promise.race([
          page
            .locator('.el-message--success', { hasText: name })
            .waitFor()
            .then(
              () => 'applied',
              () => 'none',
            ),
          card
            .getByTestId('apply-reasons')
            .waitFor()
            .then(
              () => 'refused',
              () => 'none',
            ),
        ]);
        if (outcome === 'applied') title = name;
        else if (outcome === 'refused')
          assert.match(await card.getByTestId('apply-reasons').innerText(), /[\u4e00-\u9fff]/);
        else assert.fail(`applying to ${name} showed neither a success nor the reasons`);
      }
      assert.ok(title, 'no recommended full-time post took the application');
      const mine = await api(page, 'GET', '/applications?limit=200');
      const applied = mine.body.items.filter((a) => a.state === 'applied');
      const posts = await Promise.all(
        applied.map((a) => api(page, 'GET', `/posts/${a.post_id}`).then((r) => r.body)),
      );
      assert.ok(
        posts.some((p) => p.kind === 'full_time' && p.title === title),
        `no full-time application to ${title}`,
      );
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
  {
    shot: 'recruit-event-screen',
    viewport: { width: 1280, height: 720 },
    allowedErrors: [{ status: 503, path: '/live' }],
  },
  async (page) => {
    // The student registers for their university's job fair and gets a check-in code.
    await signIn(page, 'student');
    await page.waitForURL(/\/my-profile$/);
    await openFromMenu(page, '招聘活动');
    const event = page.locator('[data-testid^="event-"]', { hasText: '双选会' }).first();
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

    // The university's employment centre checks the student in through the API; the screen
    // shows it within seconds.
    const officer = await apiSession(server, 'institution_admin');
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
