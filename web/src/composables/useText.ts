// Texts the server sends in both languages ({ zh, en }: rules, formulas, sources of figures):
// the one of the current UI locale.
import { useI18n } from 'vue-i18n';
import type { components } from '@/api/schema';

export type BilingualText = components['schemas']['Text'];

export function useText(): (text: BilingualText | null | undefined) => string {
  const { locale } = useI18n();
  return (text) => (text ? (locale.value === 'en' ? text.en : text.zh) : '');
}
