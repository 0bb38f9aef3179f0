// Edit-page journeys (issue #7, edit) against the real server on a demo database: an officer hosts
// an event with an interview slot and a featured post and finds it in the list; an officer edits
// a visit's outcome line and the campaign's progress follows; a campaign target is changed and
// the totals' target follows; the recruiter's pages at 375 px have no page-level horizontal
// scroll. Each journey fails on any console error and leaves a screenshot in artifacts/.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { api, choose, journey, settled, signIn } from './lib/pages.mjs';
import { startServer } from './lib/server.mjs';

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

const CAMPAIGN = '2023年书记校长访企拓岗促就业专项行动';

async function noHorizontalScroll(page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `the page is ${scroll}px wide in a ${width}px window`);
}

/** The demo campaign of the officer's institution, through the API. */
async function demoCampaign(page) {
  const r = await api(page, 'GET', `/campaigns?limit=50&name=${encodeURIComponent(CAMPAIGN)}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const campaign = r.body.items.find((c) => c.name === CAMPAIGN);
  assert.ok(campaign, 'the demo campaign');
  return campaign;
}

/** The campaign's totals as the page shows them: done and target per measure. */
async function campaignTotals(page) {
  await page.getByTestId('campaign-totals').waitFor();
  const read = async (m) => {
    const done = Number((await page.getByTestId(`total-${m}-done`).innerText()).trim());
    const text = await page.getByTestId(`total-${m}`).innerText();
    const target = /\/\s*(\d+)/.exec(text);
    return { done, target: target ? Number(target[1]) : null };
  };
  return { visits: await read('visits'), posts: await read('posts') };
}

journey(
  'an officer hosts an event with a slot and a featured post and finds it in the list',
  { allowedErrors: [{ status: 422, path: '/api/v1/events' }] },
  async (page) => {
    await signIn(page, server, 'institution_admin');
    const posts = await api(page, 'GET', '/posts?limit=5&status=open');
    assert.equal(posts.status, 200, JSON.stringify(posts.body));
    const post = posts.body.items[0];
    assert.ok(post, 'an open post to feature');
    const topic = `E2E 招聘会 ${Date.now()}`;

    await page.goto(`${server.url}/events`);
    await settled(page);
    await page.getByTestId('new-event').click();
    await page.waitForURL(/\/events\/new$/);
    await settled(page);
    const form = page.getByTestId('event-form');
    await choose(page, form.getByLabel('活动类型'), '招聘会');
    await form.getByLabel('活动主题').fill(topic);
    await form.getByLabel('地点').fill('体育馆');
    // A schedule that ends before it starts: the server names the field.
    await form.getByLabel(/^开始时间/).fill('2025-05-20T09:00');
    await form.getByLabel(/^结束时间/).fill('2025-05-20T08:00');
    await form.getByLabel('报名容量（人）').fill('120');
    await page.getByTestId('save-event').click();
    const problem = form
      .locator('.el-form-item', { has: page.locator('#event-ends') })
      .locator('.el-form-item__error');
    await problem.waitFor();
    await form.getByLabel(/^结束时间/).fill('2025-05-20T17:00');
    await page.getByTestId('save-event').click();
    await page.waitForURL(/\/events\/\d+\/edit$/);
    await settled(page);
    const id = Number(/\/events\/(\d+)\/edit$/.exec(page.url())[1]);

    // A featured post, found by its title.
    await choose(
      page,
      page.getByTestId('event-posts').getByLabel('输入岗位名称搜索'),
      post.title,
      post.title.slice(0, 4),
    );
    await page.getByTestId('event-add-post').click();
    await page.getByTestId('featured-post').filter({ hasText: post.title }).waitFor();

    // An interview slot: enterprise, room, times (local time).
    await page.getByTestId('add-slot').click();
    const slot = page.getByTestId('slot-1');
    await choose(page, slot.getByRole('combobox', { name: '面试企业' }), '聚鸿华亿', '聚鸿华亿');
    await slot.getByLabel('场地').fill('A101');
    await slot.getByLabel(/^开始时间/).fill('2025-05-20T10:00');
    await slot.getByLabel(/^结束时间/).fill('2025-05-20T10:30');
    await page.getByTestId('save-slot-1').click();
    await slot.getByText('未保存').waitFor({ state: 'detached' });

    const stored = await api(page, 'GET', `/events/${id}`);
    assert.equal(stored.body.topics, topic);
    assert.equal(stored.body.capacity, 120);
    assert.deepEqual(stored.body.featured_posts, [post.id]);
    const slots = await api(page, 'GET', `/events/${id}/slots`);
    assert.equal(slots.body.items.length, 1);
    assert.equal(slots.body.items[0].room, 'A101');
    assert.equal(slots.body.items[0].starts_at, '2025-05-20T02:00:00Z'); // Asia/Shanghai

    // The list shows it (paging on until its page).
    await page.goto(`${server.url}/events`);
    await settled(page);
    const table = page.getByTestId('events-table');
    for (let i = 0; i < 20; i++) {
      if (await table.getByRole('link', { name: topic }).count()) break;
      await page.getByRole('button', { name: '下一页' }).click();
      await settled(page);
    }
    await table.getByRole('link', { name: topic }).click();
    await page.waitForURL(new RegExp(`/events/${id}$`));
    await settled(page);
  },
);

journey(
  "an officer edits a visit's outcome line and the campaign's progress follows",
  {},
  async (page) => {
    await signIn(page, server, 'unit_staff');
    const campaign = await demoCampaign(page);
    const me = (await api(page, 'GET', '/auth/me')).body.user;
    const orgs = await api(
      page,
      'GET',
      `/organizations?limit=5&name=${encodeURIComponent('聚鸿华亿')}`,
    );
    const org = orgs.body.items[0];
    assert.ok(org, 'Johon Huayi');
    // A visit with one outcome line, recorded in one request.
    const visit = await api(page, 'POST', '/activities', {
      institution_id: me.institution_id,
      unit_id: me.unit_id,
      campaign_id: campaign.id,
      kind: 'visit_out',
      organization_id: org.id,
      date: campaign.start_date,
      place: '聚鸿华亿',
      leader_name: '李明',
      outcomes: [
        {
          organization_id: org.id,
          major_code: '080207',
          level: 'bachelor',
          posts_offered: 2,
        },
      ],
    });
    assert.equal(visit.status, 201, JSON.stringify(visit.body));
    assert.equal(visit.body.outcomes.length, 1);

    await page.goto(`${server.url}/campaigns/${campaign.id}`);
    await settled(page);
    const before = await campaignTotals(page);

    await page.goto(`${server.url}/activities/${visit.body.id}`);
    await settled(page);
    await page.getByTestId('edit-activity').click();
    await page.waitForURL(/\/activities\/\d+\/edit$/);
    await settled(page);
    const line = page.getByTestId('edit-line-1');
    await line.getByLabel('提供岗位数').fill('7');
    await page.getByTestId('save-line-1').click();
    await page.locator('.el-message--success').first().waitFor();
    // A second line added, then removed again.
    await page.getByTestId('edit-add-line').click();
    await page.getByTestId('edit-line-2').waitFor();
    await page.getByTestId('edit-line-2').getByRole('button', { name: '删除第 2 条' }).click();
    await page.getByTestId('edit-line-2').waitFor({ state: 'detached' });

    const stored = await api(page, 'GET', `/activities/${visit.body.id}/outcomes`);
    assert.equal(stored.body.items.length, 1);
    assert.equal(stored.body.items[0].posts_offered, 7);

    await page.goto(`${server.url}/campaigns/${campaign.id}`);
    await settled(page);
    const after = await campaignTotals(page);
    assert.equal(after.posts.done, before.posts.done + 5, 'posts opened follow the edited line');
    assert.equal(after.visits.done, before.visits.done, 'visits unchanged');
  },
);

journey(
  "an institution admin changes a campaign target and the totals' target follows",
  {},
  async (page) => {
    await signIn(page, server, 'institution_admin');
    const campaign = await demoCampaign(page);
    const targets = await api(page, 'GET', `/campaigns/${campaign.id}/targets?limit=200`);
    assert.equal(targets.status, 200, JSON.stringify(targets.body));
    const index = targets.body.items.findIndex((x) => x.unit_id);
    assert.ok(index >= 0, 'a unit target in the demo campaign');
    const target = targets.body.items[index];

    await page.goto(`${server.url}/campaigns/${campaign.id}`);
    await settled(page);
    const before = await campaignTotals(page);
    await page.getByRole('tab', { name: '目标' }).click();
    const row = page.getByTestId(`target-${index + 1}`);
    await row.waitFor();
    await row.getByLabel('走访次数').fill(String(target.visits + 10));
    await page.getByTestId(`save-target-${index + 1}`).click();
    await page.locator('.el-message--success').first().waitFor();
    await page.waitForFunction(
      (want) => document.querySelector('[data-testid="total-visits"]')?.textContent?.includes(want),
      `/ ${before.visits.target + 10}`,
    );
    const stored = await api(page, 'GET', `/campaigns/${campaign.id}/targets?limit=200`);
    assert.equal(stored.body.items[index].visits, target.visits + 10);
  },
);

journey(
  "the recruiter's pages at 375 px scroll no wider than the window",
  { viewport: { width: 375, height: 740 } },
  async (page) => {
    await signIn(page, server, 'enterprise_recruiter');
    await settled(page);
    await page.goto(`${server.url}/recruit/board`);
    await settled(page);
    await page.getByTestId('board').waitFor();
    await noHorizontalScroll(page);
    // The board scrolls its columns inside itself.
    const board = await page.getByTestId('board').evaluate((el) => ({
      scroll: el.scrollWidth,
      width: el.clientWidth,
      overflow: getComputedStyle(el).overflowX,
    }));
    assert.equal(board.overflow, 'auto');
    assert.ok(board.width <= 375, `board ${board.width}px`);
    // The post form (the recruiter's posts are created and edited here).
    await page.getByTestId('new-post').click();
    const drawer = page.locator('.el-dialog:visible').first();
    await drawer.waitFor();
    const box = await drawer.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `post form ${JSON.stringify(box)}`);
    await noHorizontalScroll(page);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    // The candidates tab, the posts and the events.
    await page.getByRole('tab', { name: '推荐人才' }).click();
    await page.getByTestId('candidates').waitFor();
    await settled(page);
    await noHorizontalScroll(page);
    for (const path of ['/posts', '/recruit/events']) {
      await page.goto(`${server.url}${path}`);
      await settled(page);
      await noHorizontalScroll(page);
    }
    await page.goto(`${server.url}/recruit/board`);
    await settled(page);
    await page.getByTestId('board').waitFor();
    await noHorizontalScroll(page);
  },
);

journey('the big screen follows an edit of its event', {}, async (page) => {
  await signIn(page, server, 'institution_admin');
  const me = (await api(page, 'GET', '/auth/me')).body.user;
  const created = await api(page, 'POST', '/events', {
    institution_id: me.institution_id,
    kind: 'job_fair',
    date: '2025-05-20',
    place: '体育馆',
    topics: 'E2E 大屏原主题',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await page.goto(`${server.url}/events/${created.body.id}/screen`);
  await page.getByRole('heading', { name: 'E2E 大屏原主题' }).waitFor();
  await page.getByTestId('screen-connection').getByText('实时').waitFor();
  const changed = await api(page, 'PATCH', `/events/${created.body.id}`, {
    topics: 'E2E 大屏新主题',
    place: '图书馆',
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  await page.getByRole('heading', { name: 'E2E 大屏新主题' }).waitFor({ timeout: 5000 });
  await page.getByText('图书馆').first().waitFor();
});
