// vue-i18n set-up: zh-CN by default, English on request; the choice is kept in localStorage.
import { createI18n } from 'vue-i18n';
import en from './en';
import zhCN, { type MessageSchema } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

const STORAGE_KEY = 'tb.locale';

function isLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): AppLocale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (isLocale(value)) return value;
  } catch {
    // Storage disabled: fall back to the default.
  }
  return 'zh-CN';
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export function currentLocale(): AppLocale {
  return i18n.global.locale.value;
}

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered, but still applied.
  }
  document.documentElement.lang = locale;
}

document.documentElement.lang = i18n.global.locale.value;

declare module 'vue-i18n' {
  // Typed message keys for t() everywhere.
  export interface DefineLocaleMessage extends MessageSchema {}
}
