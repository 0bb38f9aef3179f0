import { http } from './http';
import type { QueryOf, ResponseOf, Schemas } from './types';

export type Activity = Schemas['Activity'];
export type ActivityKind = Activity['kind'];
export type ActivityInput = Schemas['ActivityInput'];
export type ActivityQuery = QueryOf<'GET_activities'>;
export type Outcome = Schemas['ActivityOutcome'];
/** activity_id comes from the path. */
export type OutcomeInput = Omit<Schemas['ActivityOutcomeInput'], 'activity_id'>;
export type Participant = Schemas['ActivityParticipant'];
export type Task = Schemas['ActivityTask'];
export type Level = Outcome['level'];

export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  'visit_out',
  'visit_in',
  'symposium',
  'docking_event',
  'lecture',
  'job_fair',
  'livestream',
  'group_interview',
  'signing',
];
export const LEVELS: readonly Level[] = ['vocational', 'bachelor', 'master', 'doctor'];

export const listActivities = (query: ActivityQuery = {}, signal?: AbortSignal) =>
  http.get<ResponseOf<'GET_activities'>>('/activities', query, { signal });
export const getActivity = (id: number) =>
  http.get<ResponseOf<'GET_activities__id_'>>(`/activities/${id}`);
export const createActivity = (input: ActivityInput) =>
  http.post<ResponseOf<'POST_activities'>>('/activities', input);
export const updateActivity = (id: number, patch: Partial<ActivityInput>) =>
  http.patch<ResponseOf<'PATCH_activities__id_'>>(`/activities/${id}`, patch);

export const listOutcomes = (id: number) =>
  http.get<ResponseOf<'GET_activities__id__outcomes'>>(`/activities/${id}/outcomes`, {
    limit: 200,
  });
export const createOutcome = (id: number, input: OutcomeInput) =>
  http.post<ResponseOf<'POST_activities__id__outcomes'>>(`/activities/${id}/outcomes`, input);

export const listParticipants = (id: number) =>
  http.get<ResponseOf<'GET_activities__id__participants'>>(`/activities/${id}/participants`, {
    limit: 200,
  });

export const listTasks = (id: number) =>
  http.get<ResponseOf<'GET_activities__id__tasks'>>(`/activities/${id}/tasks`, { limit: 200 });
export const setTaskDone = (id: number, taskId: number, done: boolean) =>
  http.patch<ResponseOf<'PATCH_activities__id__tasks__task_id_'>>(
    `/activities/${id}/tasks/${taskId}`,
    { done },
  );
