// Recruitment, matching, events and destinations as the recruiter, the student and the event
// big screen use them (the officers' pages have their own modules).
import { ApiError, http, request, type Problem } from './http';
import type { QueryOf, ResponseOf, Schemas } from './types';

export type Application = Schemas['Application'];
export type AppState = Application['state'];
export type Transition = Schemas['ApplicationTransition'];
export type Candidate = Schemas['Candidate'];
export type Recommendation = Schemas['Recommendation'];
export type MatchReason = Recommendation['reasons'][number];
export type EventRecord = Schemas['Event'];
export type Registration = Schemas['EventRegistration'];
export type Destination = Schemas['Destination'];
export type DestinationInput = Schemas['DestinationInput'];
export type PostInput = Schemas['PostInput'];
export type Post = Schemas['Post'];

/** The board's columns, in the order an application moves through them. */
export const STATES: readonly AppState[] = [
  'applied',
  'screening',
  'interview',
  'intention',
  'offer',
  'signed',
  'rejected',
  'withdrawn',
  'declined',
];

export const DESTINATION_CATEGORIES: readonly Destination['category'][] = [
  'contract_employment',
  'other_employment',
  'flexible_employment',
  'entrepreneurship',
  'further_study',
  'study_abroad',
  'grassroots_military',
  'not_yet_employed',
  'not_seeking',
];

/** One reason an application was refused (422 of POST /applications). */
export type RefusalReason = NonNullable<Problem['reasons']>[number];

/** The `reasons` of an eligibility refusal, or none. */
export function refusalReasons(e: unknown): RefusalReason[] {
  return e instanceof ApiError ? (e.problem.reasons ?? []) : [];
}

/** The moves the server says the caller may make (`allowed` of a 409), or none. */
export function allowedMoves(e: unknown): string[] {
  return e instanceof ApiError ? (e.problem.allowed ?? []) : [];
}

// Applications
export const listApplications = (query: QueryOf<'GET_applications'>, signal?: AbortSignal) =>
  http.get<ResponseOf<'GET_applications'>>('/applications', query, { signal });
export const getApplication = (id: number) =>
  http.get<ResponseOf<'GET_applications__id_'>>(`/applications/${id}`);
export const applicationHistory = (id: number) =>
  http.get<ResponseOf<'GET_applications__id__history'>>(`/applications/${id}/history`);
export const apply = (postId: number) =>
  http.post<Application>('/applications', { post_id: postId });
export const moveApplication = (id: number, to: string, note?: string) =>
  http.post<Application>(`/applications/${id}/transitions`, { to, note: note || undefined });
export const confirmAgreement = (id: number) =>
  http.post<Application>(`/applications/${id}/confirmations`, {});

/** Every item of a cursor-paged list (the board needs all of a post's applications). */
export async function allPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; next_cursor: string | null }>,
  max = 20,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < max; i++) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return items;
}

// Posts
export const createPost = (input: PostInput) => http.post<Post>('/posts', input);
export const updatePost = (id: number, input: Partial<PostInput>) =>
  http.patch<Post>(`/posts/${id}`, input);

// Matching
export const postCandidates = (postId: number, limit = 20) =>
  http.get<ResponseOf<'GET_posts__id__candidates'>>(`/posts/${postId}/candidates`, { limit });
export const recommendations = (
  studentId: number,
  query: QueryOf<'GET_students__id__recommendations'>,
  signal?: AbortSignal,
) =>
  http.get<ResponseOf<'GET_students__id__recommendations'>>(
    `/students/${studentId}/recommendations`,
    query,
    { signal },
  );

// Events
export const listEvents = (query: QueryOf<'GET_events'> = {}) =>
  http.get<ResponseOf<'GET_events'>>('/events', query);
export const getEvent = (id: number) => http.get<ResponseOf<'GET_events__id_'>>(`/events/${id}`);
export const listRegistrations = (eventId: number) =>
  http.get<ResponseOf<'GET_events__id__registrations'>>(`/events/${eventId}/registrations`);
export const register = (eventId: number) =>
  http.post<Registration>(`/events/${eventId}/registrations`, {});
export const cancelRegistration = (eventId: number, registrationId: number) =>
  http.del<unknown>(`/events/${eventId}/registrations/${registrationId}`);

// Destinations
export const listDestinations = (query: QueryOf<'GET_destinations'>) =>
  http.get<ResponseOf<'GET_destinations'>>('/destinations', query);
export const createDestination = (input: DestinationInput) =>
  http.post<Destination>('/destinations', input);
export const updateDestination = (id: number, input: Partial<DestinationInput>) =>
  http.patch<Destination>(`/destinations/${id}`, input);
export const uploadEvidence = (id: number, file: File) =>
  request<Destination>('PUT', `/destinations/${id}/evidence`, { rawBody: file });
