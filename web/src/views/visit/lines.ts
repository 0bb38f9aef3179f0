// The outcome lines of the visit form: what the user typed, and what the API was sent.
import type { Level, OutcomeInput } from '@/api/activities';

export interface LineDraft {
  /** Stable key for the list and for element ids. */
  key: number;
  /** Saved on the server (after a partly failed save, only the others are sent again). */
  saved: boolean;
  /** null: the visited organization. */
  organization_id: number | null;
  major_code: string;
  level: Level;
  posts_offered: number | undefined;
  average_pay: number | undefined;
  interns_accepted: number | undefined;
  intern_pay: number | undefined;
  hires_planned: number | undefined;
  starting_salary: number | undefined;
  other_cooperation: string;
  main_result_form: string;
  /** Field name -> message, from the client check or the API's problem document. */
  errors: Record<string, string>;
}

let nextKey = 1;

export function newLine(level: Level = 'bachelor'): LineDraft {
  return {
    key: nextKey++,
    saved: false,
    organization_id: null,
    major_code: '',
    level,
    posts_offered: undefined,
    average_pay: undefined,
    interns_accepted: undefined,
    intern_pay: undefined,
    hires_planned: undefined,
    starting_salary: undefined,
    other_cooperation: '',
    main_result_form: '',
    errors: {},
  };
}

/** The API body: empty figures are left out (the server's defaults: 0 people, no pay). */
export function lineInput(line: LineDraft, visited: number): OutcomeInput {
  const body: OutcomeInput = {
    organization_id: line.organization_id ?? visited,
    major_code: line.major_code,
    level: line.level,
    other_cooperation: line.other_cooperation.trim(),
    main_result_form: line.main_result_form.trim(),
  };
  const figures = [
    'posts_offered',
    'average_pay',
    'interns_accepted',
    'intern_pay',
    'hires_planned',
    'starting_salary',
  ] as const;
  for (const f of figures) {
    const v = line[f];
    if (v !== undefined && v !== null) body[f] = v;
  }
  return body;
}
