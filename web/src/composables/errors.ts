import { ApiError } from '@/api/http';
import { i18n } from '@/locales';

/** A readable sentence for a failed call (the problem's detail, or a network message). */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return i18n.global.t('common.networkError');
    return e.detail || e.title;
  }
  return e instanceof Error ? e.message : String(e);
}
