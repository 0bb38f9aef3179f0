// Helpers of the edit pages: confirmations, and times entered in local time but sent in UTC.
import { ElMessageBox } from 'element-plus';
import { i18n } from '@/locales';

/** Asks before a removal; false when the user declines. */
export async function confirmRemoval(message: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, i18n.global.t('edit.confirmTitle'), {
      type: 'warning',
      confirmButtonText: i18n.global.t('edit.remove'),
      cancelButtonText: i18n.global.t('common.cancel'),
    });
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-05-20T01:00:00Z" -> the local "2025-05-20T09:00" of a datetime-local input. */
export function utcToLocalInput(v: string | null | undefined): string {
  if (!v) return '';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return '';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}`
  );
}

/** A datetime-local input's value -> "YYYY-MM-DDTHH:MM:SSZ"; null when empty. An unreadable
 *  value is sent as typed, so that the server names the field. */
export function localInputToUtc(v: string): string | null {
  if (!v) return null;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return v;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
