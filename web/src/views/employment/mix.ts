import { DESTINATION_CATEGORIES, type EmploymentRow } from '@/api/officer';

/** The destination mix of a row as pie parts, in the ministry's category order. */
export function mixParts(row: EmploymentRow | undefined, label: (category: string) => string) {
  if (!row) return [];
  return DESTINATION_CATEGORIES.filter((c) => (row.mix[c] ?? 0) > 0).map((c) => ({
    name: label(c),
    value: row.mix[c] ?? 0,
  }));
}

/** A placement rate as a percentage with one decimal, or null when suppressed. */
export const ratePercent = (row: EmploymentRow) =>
  row.suppressed || row.placement_rate === null ? null : Math.round(row.placement_rate * 1000) / 10;
