// The agreement-parties editor (issue #7, edit) as an institution admin of the demo, in Chinese
// and in English: on an agreement's page the admin asks to add a party without choosing its
// organization (the server's problem shows next to that field), adds an organization as a
// party, changes its role in place, sees the result after a reload, removes it and sees it
// gone after another reload. Each journey fails on any console error it did not provoke and leaves a
// screenshot of its last page in artifacts/.
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

const TYPED = '聚鸿华亿'; // Johon Huayi (Shenyang)

const LOCALES = {
  'zh-CN': {
    switchTo: null,
    party: '协议方',
    guarantor: '担保方',
    remove: '删除',
    none: '暂无其他协议方',
  },
  en: {
    switchTo: 'English',
    party: 'Party',
    guarantor: 'Guarantor',
    remove: 'Remove',
    none: 'No further parties',
  },
};

/** An agreement the signed-in admin sees that has no further parties yet. */
async function agreementWithoutParties(page) {
  const list = await api(page, 'GET', '/agreements?limit=50');
  assert.equal(list.status, 200, JSON.stringify(list.body));
  for (const a of list.body.items) {
    const parties = await api(page, 'GET', `/agreements/${a.id}/parties`);
    assert.equal(parties.status, 200, JSON.stringify(parties.body));
    if (parties.body.items.length === 0) return a;
  }
  throw new Error('no agreement without further parties in the demo');
}

/** The demo organization the journeys add, with the name the page shows in `locale`. */
async function demoOrganization(page, locale) {
  const r = await api(page, 'GET', `/organizations?limit=5&name=${encodeURIComponent(TYPED)}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const o = r.body.items[0];
  assert.ok(o, `the demo organization ${TYPED}`);
  return { id: o.id, name: locale === 'en' && o.name_en ? o.name_en : o.name };
}

async function openAgreement(page, id) {
  await page.goto(`${server.url}/agreements/${id}`);
  await settled(page);
  await page.getByTestId('agreement-parties').waitFor();
}

for (const [locale, l] of Object.entries(LOCALES)) {
  journey(
    `an institution admin adds, re-roles and removes an agreement party (${locale})`,
    {
      allowedErrors: [{ status: 422, path: '/parties' }],
      shot: `tidy-agreement-parties-${locale}`,
    },
    async (page) => {
      if (l.switchTo) {
        await page.goto(`${server.url}/login`);
        await page.getByTestId('language-switch').getByText(l.switchTo).click();
      }
      await signIn(page, server, 'institution_admin');
      const agreement = await agreementWithoutParties(page);
      await openAgreement(page, agreement.id);
      const editor = page.getByTestId('agreement-parties');
      const chips = editor.getByTestId('agreement-party');
      await editor.getByText(l.none).waitFor();

      // No organization chosen: the server's problem is shown next to the organization field,
      // and nothing is added.
      await editor.getByTestId('add-party').click();
      const problem = editor
        .locator('.el-form-item', { has: page.locator('#party-organization') })
        .locator('.el-form-item__error');
      await problem.waitFor();
      assert.ok((await problem.innerText()).trim().length > 0, 'the problem has a message');
      assert.equal(await chips.count(), 0);

      // An organization as a party.
      const organization = await demoOrganization(page, locale);
      await choose(page, page.locator('#party-organization'), organization.name, TYPED);
      await editor.getByTestId('add-party').click();
      await chips.filter({ hasText: l.party }).waitFor();
      await problem.waitFor({ state: 'detached' }); // gone once the field is right
      assert.equal(await chips.count(), 1);
      assert.ok((await chips.first().innerText()).includes(organization.name));

      // Its role changed in place to guarantor (the chip shows it once the server stored it).
      await chips.first().locator('.el-select').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: l.guarantor }).click();
      await chips.filter({ hasText: l.guarantor }).waitFor();

      const stored = await api(page, 'GET', `/agreements/${agreement.id}/parties`);
      assert.equal(stored.body.items.length, 1);
      assert.equal(stored.body.items[0].role, 'guarantor');
      assert.equal(stored.body.items[0].organization_id, organization.id);

      // The agreement page shows it after a reload.
      await openAgreement(page, agreement.id);
      assert.equal(await chips.count(), 1);
      assert.ok((await chips.first().innerText()).includes(l.guarantor));

      // Removed, and still gone after a reload.
      await chips.first().getByRole('button').click();
      await page.locator('.el-message-box').getByRole('button', { name: l.remove }).click();
      await editor.getByText(l.none).waitFor();
      await openAgreement(page, agreement.id);
      await editor.getByText(l.none).waitFor();
      assert.equal(await chips.count(), 0);
      const after = await api(page, 'GET', `/agreements/${agreement.id}/parties`);
      assert.deepEqual(after.body.items, []);
    },
  );
}
