// Server texts in the UI's language (issue #7): the web app sends Accept-Language for its
// locale, so a problem the server answers shows next to its field in Chinese or in English, and
// the explanations the server sends in both languages (the ranking formula, the counting rules)
// follow the language switch. Each journey fails on any console error it did not provoke and
// leaves a screenshot of its last page in artifacts/.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { journey, settled, signIn } from './lib/pages.mjs';
import { startServer } from './lib/server.mjs';

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

const CAMPAIGN = '2023年书记校长访企拓岗促就业专项行动';

async function openFromMenu(page, label) {
  await page.getByTestId('nav-menu').locator('.el-menu-item', { hasText: label }).click();
  await page.locator('h1', { hasText: label }).waitFor();
  await settled(page);
}

async function switchTo(page, language) {
  await page.getByTestId('language-switch').getByText(language).click();
}

/** New post with its salary range upside down: the message the form shows next to the maximum
 *  (the form is closed again unless `keepOpen`). */
async function salaryProblem(page, labels, keepOpen = false) {
  await page.getByTestId('new-post').click();
  const form = page.getByTestId('post-form');
  await form.waitFor();
  await form.getByLabel(labels.title).fill(`E2E i18n ${Date.now() % 100000}`);
  await form.getByLabel(labels.region).fill('210703');
  await form.getByLabel(labels.min).fill('9000');
  await form.getByLabel(labels.max).fill('5000');
  await page.getByTestId('post-save').click();
  const error = form
    .locator('.el-form-item', { has: page.locator('#pf-salary-max') })
    .locator('.el-form-item__error');
  await error.waitFor();
  const text = (await error.innerText()).trim();
  if (keepOpen) return text;
  await page.keyboard.press('Escape');
  await form.waitFor({ state: 'detached' });
  return text;
}

journey(
  "a server problem next to a field is in the UI's language, before and after the switch",
  { allowedErrors: [{ status: 422, path: '/api/v1/posts' }] },
  async (page, browser) => {
    await signIn(page, server, 'enterprise_recruiter');
    await page.waitForURL(/\/my-organization$/);
    await openFromMenu(page, '应聘看板');
    const zh = await salaryProblem(
      page,
      { title: '岗位名称', region: '地区代码', min: '最低月薪（元）', max: '最高月薪（元）' },
      true,
    );
    assert.equal(zh, '不能小于最小值（9000）');
    await browser.screenshot('i18n-field-problem-zh');
    await page.keyboard.press('Escape');
    await page.getByTestId('post-form').waitFor({ state: 'detached' });

    await switchTo(page, 'English');
    await page.locator('h1', { hasText: 'Applicants board' }).waitFor();
    const en = await salaryProblem(page, {
      title: 'Title',
      region: 'Region code',
      min: 'Salary from (yuan/month)',
      max: 'Salary up to (yuan/month)',
    });
    assert.equal(en, 'must not be less than the minimum (9000)');

    // The request itself says which language it wants (the form stays open for the screenshot).
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().includes('/api/v1/posts') && r.method() === 'POST'),
      salaryProblem(
        page,
        {
          title: 'Title',
          region: 'Region code',
          min: 'Salary from (yuan/month)',
          max: 'Salary up to (yuan/month)',
        },
        true,
      ),
    ]);
    assert.equal(request.headers()['accept-language'], 'en');
  },
);

journey("the ranking formula and the counting rules follow the UI's language", {}, async (page) => {
  await signIn(page, server, 'observer');
  await page.waitForURL(/\/dashboard$/);
  await openFromMenu(page, '专项行动');
  await page.getByRole('button', { name: CAMPAIGN }).click();
  await page.waitForURL(/\/campaigns\/\d+$/);
  await settled(page);
  await page.getByRole('tab', { name: '周排名' }).click();
  const formula = page.getByTestId('campaign-ranking').getByTestId('ranking-formula');
  await formula.getByText('得分 = 走访次数').waitFor();
  assert.equal(await formula.getByText('score =').count(), 0);

  await switchTo(page, 'English');
  await formula.getByText('score = visits').waitFor();
  assert.equal(await formula.getByText('得分 =').count(), 0);
  await page.getByRole('tab', { name: 'Progress' }).click();
  await page.getByText('How it is counted').click();
  await page.getByText('activities of the campaign of kind visit_out or visit_in').waitFor();
});
