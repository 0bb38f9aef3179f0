// Officer journeys: agreements (expiring list, a legal transition, a refused one explained),
// check-in by code at LUT's job fair by LUT's officers (desktop and 375 px), the Yingshan group
// interview's figures, destination verification, and the campaign's
// visits exported as CSV (BOM and header) then checked by a dry-run import.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { api, journey, settled, signIn } from './lib/pages.mjs';
import { startServer } from './lib/server.mjs';

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

const isoDay = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

journey(
  'institution admin moves an expiring agreement and sees a refused move explained',
  { allowedErrors: [{ status: 409, path: '/transitions' }] },
  async (page) => {
    await signIn(page, server, 'institution_admin');
    // A draft of the admin's institution that ends within 60 days.
    const existing = await api(page, 'GET', '/agreements?limit=1');
    const base = existing.body.items[0];
    const title = `E2E 到期协议 ${Date.now()}`;
    const created = await api(page, 'POST', '/agreements', {
      institution_id: base.institution_id,
      organization_id: base.organization_id,
      kind: 'internship_base',
      title,
      start_date: isoDay(-300),
      end_date: isoDay(30),
      intern_quota: 10,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    // Signed and in force: it shows among the agreements expiring within 60 days.
    for (const to of ['signed', 'active']) {
      const r = await api(page, 'POST', `/agreements/${id}/transitions`, { to, note: 'e2e' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }

    await page.goto(`${server.url}/agreements`);
    await settled(page);
    await page.getByTestId('agreements-expiring').click();
    await page.waitForURL(/expiring_within=60/);
    await settled(page);
    await page.getByTestId('agreements-table').getByRole('link', { name: title }).click();
    await page.waitForURL(new RegExp(`/agreements/${id}$`));
    await settled(page);
    assert.equal((await page.getByTestId('agreement-status').innerText()).trim(), '生效中');
    await page.getByTestId('agreement-fulfilment').getByText('统计口径').waitFor();

    // A legal move: active → expiring, with a note; the history records it.
    await page.getByTestId('transition-expiring').click();
    await page.getByTestId('transition-note').fill('启动续签洽谈');
    await page.getByTestId('transition-confirm').click();
    await page.getByTestId('agreement-status').getByText('即将到期').waitFor();
    await page.getByTestId('agreement-history').getByText('启动续签洽谈').waitFor();

    // Someone else renews it meanwhile; the page still offers "expired": the server refuses
    // and the page says why and what is allowed now (nothing, once renewed).
    const moved = await api(page, 'POST', `/agreements/${id}/transitions`, {
      to: 'renewed',
      note: 'e2e',
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    await page.getByTestId('transition-expired').click();
    await page.getByTestId('transition-confirm').click();
    const refusal = page.getByTestId('transition-refused');
    await refusal.waitFor();
    const text = await refusal.innerText();
    assert.match(text, /未能转为“已到期”/);
    assert.match(text, /当前为“已续签”/);
    assert.equal((await page.getByTestId('agreement-status').innerText()).trim(), '已续签');
    assert.equal(await page.getByTestId('transition-expired').count(), 0);
    await page.locator('.el-dialog').waitFor({ state: 'hidden' });
    await refusal.scrollIntoViewIfNeeded();
  },
);

const FAIR = /双选会/; // the demo's LUT job fair of the season, run by LUT's officers

async function checkInJourney(page, role, index) {
  await signIn(page, server, role);
  // The LUT job fair (demo): register a student of the officer's who is not registered yet.
  const events = await api(page, 'GET', '/events?kind=job_fair');
  const event = events.body.items.find((e) => FAIR.test(e.topics));
  assert.ok(event, `the ${role} sees no LUT job fair`);
  const regs = await api(page, 'GET', `/events/${event.id}/registrations`);
  assert.equal(regs.status, 200, JSON.stringify(regs.body));
  const taken = new Set(regs.body.items.map((r) => r.student_id));
  const students = await api(
    page,
    'GET',
    `/students?institution_id=${event.institution_id}&cohort=2027&limit=200`,
  );
  const free = students.body.items.filter((s) => !taken.has(s.id));
  assert.ok(free.length > index, `only ${free.length} of the ${role}'s students are free`);
  const reg = await api(page, 'POST', `/events/${event.id}/registrations`, {
    student_id: free[index].id,
  });
  assert.equal(reg.status, 201, JSON.stringify(reg.body));

  await page.goto(`${server.url}/events`);
  await settled(page);
  await page.getByTestId('events-table').getByRole('link', { name: FAIR }).click();
  await page.waitForURL(new RegExp(`/events/${event.id}$`));
  await settled(page);
  const counter = page.getByTestId('counter-checkins');
  const before = Number((await counter.innerText()).trim());

  // A wrong code is explained; the right one checks in and the count rises.
  const field = page.getByTestId('checkin-code');
  await field.fill('NO-SUCH-CODE');
  await field.press('Enter');
  await page.getByTestId('checkin-result').getByText('不存在').waitFor();
  await field.fill(reg.body.code);
  await field.press('Enter');
  await page.getByTestId('checkin-result').getByText('签到成功').waitFor();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="counter-checkins"]')?.textContent) === n,
    before + 1,
  );
  assert.equal(await field.inputValue(), '', 'the field is ready for the next code');
}

journey(
  "institution admin checks in a registration by code at the university's job fair",
  { allowedErrors: [{ status: 422, path: '/checkins' }] },
  async (page) => {
    await checkInJourney(page, 'institution_admin', 0);
  },
);

journey(
  "the school's staff check in by code at their job fair on a 375 px phone",
  {
    viewport: { width: 375, height: 740 },
    allowedErrors: [{ status: 422, path: '/checkins' }],
  },
  async (page) => {
    await checkInJourney(page, 'unit_staff', 1);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
  },
);

journey('the Yingshan group interview shows its figures', {}, async (page) => {
  // Chongqing University of Technology has no demo login: the platform admin reads them.
  await signIn(page, server, 'platform_admin');
  const events = await api(page, 'GET', '/events?kind=group_interview');
  const event = events.body.items.find((e) => e.topics.includes('营山'));
  assert.ok(event, 'no Yingshan group interview');
  await page.goto(`${server.url}/events/${event.id}`);
  await settled(page);
  await page.getByRole('tab', { name: '活动成效' }).click();
  await page.getByTestId('event-figures').locator('canvas').first().waitFor();
});

journey('institution admin verifies a destination and reads the audit flags', {}, async (page) => {
  await signIn(page, server, 'institution_admin');
  // A destination to verify that needs no evidence file (the unplaced ones).
  await page.goto(`${server.url}/destinations?status=registered&category=not_yet_employed`);
  await settled(page);
  const table = page.getByTestId('destinations-table');
  const verify = table.locator('[data-testid^="verify-"]').first();
  const id = (await verify.getAttribute('data-testid')).slice('verify-'.length);
  const status = page.getByTestId(`destination-status-${id}`);
  assert.equal((await status.innerText()).trim(), '待核验');
  await verify.click();
  await status.getByText('已核验').waitFor();

  await page.getByRole('tab', { name: '核查提示' }).click();
  await page.getByTestId('destination-flags').getByText('校验不通过').first().waitFor();
});

journey(
  "institution admin exports the demo campaign's visits as CSV and dry-runs an import",
  { allowedErrors: [{ status: 422, path: '/visits/import' }] },
  async (page) => {
    await signIn(page, server, 'institution_admin');
    await page.goto(`${server.url}/campaigns`);
    await settled(page);
    await page
      .getByRole('cell', { name: /访企拓岗/ })
      .first()
      .click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    await settled(page);
    await page.getByRole('tab', { name: '走访数据导入导出' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const file = await download.path();
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const header = bytes.subarray(3).toString('utf8').split(/\r?\n/)[0];
    assert.match(header, /^学校代码,企业名称,统一社会信用代码,/);
    assert.match(download.suggestedFilename(), /\.csv$/);

    // The dry run of that file gives the per-row report, or names the bad rows and columns.
    await page.getByTestId('import-file').setInputFiles({
      name: 'visits.csv',
      mimeType: 'text/csv',
      buffer: bytes,
    });
    await page.getByTestId('import-check').click();
    await page
      .locator('[data-testid="import-report"], [data-testid="import-row-errors"]')
      .first()
      .waitFor();
  },
);

journey(
  'institution admin drafts an agreement and attaches a document',
  { allowedErrors: [{ status: 422, path: '/agreements' }] },
  async (page) => {
    await signIn(page, server, 'institution_admin');
    await page.goto(`${server.url}/agreements`);
    await settled(page);
    await page.getByRole('link', { name: '新建协议' }).click();
    await page.waitForURL(/\/agreements\/new$/);
    await settled(page);

    // Saved empty: the API's refusal shows beside the title.
    await page.getByTestId('agreement-save').click();
    const titleItem = page.locator('.el-form-item', { has: page.locator('#agreement-title') });
    await titleItem.locator('.el-form-item__error').waitFor();

    const title = `E2E 草稿协议 ${Date.now()}`;
    await page.locator('#agreement-title').fill(title);
    await page.locator('#agreement-organization').click();
    await page.locator('#agreement-organization').fill('锦州');
    await page.locator('.el-select-dropdown__item:visible').first().click();
    await page.getByTestId('agreement-save').click();
    await page.waitForURL(/\/agreements\/\d+$/);
    await settled(page);
    assert.equal((await page.getByTestId('agreement-status').innerText()).trim(), '草稿');
    await page.getByRole('heading', { name: title }).waitFor();

    // A file of a type the server does not take is refused before upload, a PDF is attached.
    const docs = page.getByTestId('agreement-documents');
    await page.getByTestId('document-file').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('plain text'),
    });
    await docs.getByRole('button', { name: '上传' }).click();
    await page.getByTestId('document-error').getByText('不支持').waitFor();
    await page.getByTestId('document-file').setInputFiles({
      name: '框架协议.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
    });
    await docs.getByRole('button', { name: '上传' }).click();
    await docs.getByRole('link', { name: '框架协议.pdf' }).waitFor();
    assert.equal(await page.getByTestId('document-error').count(), 0);
  },
);
