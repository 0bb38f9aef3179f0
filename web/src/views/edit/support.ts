// Helpers of the edit pages: problem documents spread over the fields they name, confirmations,
// and times entered in local time but sent in UTC.
import { ElMessageBox } from 'element-plus';
import { ApiError } from '@/api/http';
import { describeError } from '@/composables/errors';
import { i18n } from '@/locales';

/** Field -> message for the fields a page shows; the other messages in `other`. */
export function fieldErrors(
  e: unknown,
  known: readonly string[],
): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  if (e instanceof ApiError && Object.keys(e.fields).length) {
    for (const [field, message] of Object.entries(e.fields)) {
      if (known.includes(field)) fields[field] = message;
      else other.push(`${field}: ${message}`);
    }
    if (!other.length && !Object.keys(fields).length) other.push(describeError(e));
  } else {
    other.push(describeError(e));
  }
  return { fields, other };
}

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
