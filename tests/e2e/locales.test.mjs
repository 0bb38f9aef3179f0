// Both locale files of the web app have the same keys, and no message is empty.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './lib/server.mjs';

test('zh-CN and en locale files have the same keys', async (t) => {
  if (!existsSync(join(ROOT, 'web/node_modules/typescript'))) {
    assert.fail('web/node_modules is missing: run npm ci in web/ first');
  }
  const { compareLocales } = await import(join(ROOT, 'web/scripts/locale-keys.mjs'));
  const { count, missing, empty } = await compareLocales();
  assert.deepEqual(missing, {}, 'keys present in one locale file only');
  assert.deepEqual(empty, [], 'empty messages');
  assert.ok(count > 50, `only ${count} keys found`);
  t.diagnostic(`${count} keys in each locale`);
});
