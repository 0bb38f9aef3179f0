// Debian's chromium driven by playwright-core, headless, one fresh profile per journey. Every
// console error and uncaught exception is recorded; a journey fails on any it did not expect.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { E2E_DIR } from './server.mjs';

export const ARTIFACTS = join(E2E_DIR, 'artifacts');
const EXECUTABLE = process.env.TB_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Opens a browser for one journey.
 * allowedErrors: [{status, path}] network failures the journey provokes on purpose (the browser
 * logs them as console errors, e.g. the 401 of a wrong password).
 */
export async function openBrowser({
  viewport = { width: 1280, height: 800 },
  allowedErrors = [],
} = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'tb-e2e-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: EXECUTABLE,
      headless: true,
      args: ARGS,
      viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`cannot start ${EXECUTABLE} (apt-get install chromium): ${e.message}`);
  }
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  const allowed = (msg) =>
    allowedErrors.some(
      ({ status, path }) =>
        msg.text().includes(`status of ${status}`) && (msg.location().url ?? '').includes(path),
    );
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !allowed(msg)) {
      errors.push(`console error: ${msg.text()} (${msg.location().url ?? 'no url'})`);
    }
  });
  page.on('pageerror', (err) => errors.push(`uncaught exception: ${err.message}`));

  return {
    page,
    errors,
    /** Saves a screenshot to artifacts/NAME.png: the whole page, or the window when a drawer
     *  or dialog is open (a full-page capture resizes the window and moves those). */
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const overlay = await page
        .locator('.el-overlay')
        .evaluateAll((els) => els.some((el) => el.getClientRects().length > 0));
      await page.screenshot({
        path: join(ARTIFACTS, `${name}.png`),
        fullPage: !overlay,
      });
    },
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
