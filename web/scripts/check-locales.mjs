// Fails when the locale files do not have exactly the same keys, or a message is empty.
import { compareLocales, LOCALE_FILES } from './locale-keys.mjs';

const { count, missing, empty } = await compareLocales();
let failed = false;
for (const [locale, keys] of Object.entries(missing)) {
  failed = true;
  console.error(`check:locales: ${locale} lacks ${keys.length} key(s): ${keys.join(', ')}`);
}
if (empty.length) {
  failed = true;
  console.error(`check:locales: empty or non-string messages: ${empty.join(', ')}`);
}
if (failed) process.exit(1);
console.log(
  `check:locales: ${Object.keys(LOCALE_FILES).join(' and ')} have the same ${count} keys`,
);
