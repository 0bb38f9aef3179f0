// ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first Thursday), in UTC so that the
// browser's time zone cannot shift a date.

export interface IsoWeek {
  /** "2023-W10" */
  key: string;
  /** Monday and Sunday, YYYY-MM-DD */
  from: string;
  to: string;
}

const DAY = 86_400_000;

function parse(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoWeekOf(date: string): IsoWeek {
  const ms = parse(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = ms - weekday * DAY;
  const thursday = monday + 3 * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return {
    key: `${year}-W${String(week).padStart(2, '0')}`,
    from: format(monday),
    to: format(monday + 6 * DAY),
  };
}

/** Every ISO week that has a day in [from, to], oldest first. */
export function weeksBetween(from: string, to: string): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  const end = parse(to);
  for (
    let w = isoWeekOf(from);
    parse(w.from) <= end;
    w = isoWeekOf(format(parse(w.from) + 7 * DAY))
  ) {
    weeks.push(w);
    if (weeks.length > 600) break; // a period of more than ten years is not a campaign
  }
  return weeks;
}

/** Today in the browser's calendar, YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
