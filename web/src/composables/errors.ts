import { ref } from 'vue';
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

/** Field -> message for the fields a form shows; the other messages in `other`. */
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

/**
 * The problems of a form's last save, for showing beside its fields: `errors` by the field they
 * name (those in `known`), `other` for the rest (a ProblemAlert). `show` spreads a failed call,
 * `clear` empties both before the next try.
 */
export function useProblems(known: readonly string[]) {
  const errors = ref<Record<string, string>>({});
  const other = ref<string[]>([]);
  return {
    errors,
    other,
    clear() {
      errors.value = {};
      other.value = [];
    },
    show(e: unknown) {
      const r = fieldErrors(e, known);
      errors.value = r.fields;
      other.value = r.other;
    },
  };
}
