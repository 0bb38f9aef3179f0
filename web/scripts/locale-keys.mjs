// Loads the locale files (TypeScript) and compares their keys. Used by `npm run check:locales`
// and by the browser tests (tests/e2e), so both check the same thing the same way.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const LOCALE_FILES = {
  'zh-CN': join(webDir, 'src/locales/zh-CN.ts'),
  en: join(webDir, 'src/locales/en.ts'),
};

/** The default export of a locale file (an object literal of strings). */
export async function loadLocale(file) {
  const ts = createRequire(join(webDir, 'package.json'))('typescript');
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  });
  const mod = await import(
    `data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`
  );
  return mod.default;
}

/** Dotted paths of every leaf: {a: {b: 'x'}} -> ['a.b']. */
export function keyPaths(messages, prefix = '') {
  const out = [];
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') out.push(...keyPaths(value, path));
    else out.push(path);
  }
  return out.sort();
}

/** {onlyIn: {locale: [paths]}, empty: [locale:path]} for all locale files. */
export async function compareLocales() {
  const keys = {};
  const empty = [];
  for (const [locale, file] of Object.entries(LOCALE_FILES)) {
    const messages = await loadLocale(file);
    keys[locale] = new Set(keyPaths(messages));
    for (const path of keys[locale]) {
      const value = path.split('.').reduce((o, k) => o[k], messages);
      if (typeof value !== 'string' || value.trim() === '') empty.push(`${locale}:${path}`);
    }
  }
  const all = new Set(Object.values(keys).flatMap((s) => [...s]));
  const onlyIn = {};
  for (const [locale, set] of Object.entries(keys)) {
    const missing = [...all].filter((k) => !set.has(k));
    if (missing.length) onlyIn[locale] = missing;
  }
  return { count: all.size, missing: onlyIn, empty };
}
