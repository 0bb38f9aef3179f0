import type { Post } from '@/api/posts';
import { i18n } from '@/locales';

export function salaryText(p: Pick<Post, 'salary_min' | 'salary_max'>): string {
  const { t } = i18n.global;
  const min = p.salary_min ?? null;
  const max = p.salary_max ?? null;
  if (min !== null && max !== null) return t('common.yuanPerMonth', { min, max });
  if (min !== null) return t('common.yuanFrom', { min });
  if (max !== null) return t('common.yuanUpTo', { max });
  return t('posts.salaryNegotiable');
}
