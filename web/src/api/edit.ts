// The edit pages (issue #7): a visit with its outcome lines in one request, outcome lines,
// campaign targets, agreement parties, and events with their institutions, featured posts and
// interview slots. One function per endpoint, typed from schema.d.ts.
import { http } from './http';
import type { Schemas } from './types';

export type Activity = Schemas['Activity'];
export type ActivityInput = Schemas['ActivityInput'];
export type Outcome = Schemas['ActivityOutcome'];
/** activity_id comes from the path (or from the new visit). */
export type OutcomeInput = Omit<Schemas['ActivityOutcomeInput'], 'activity_id'>;
export type VisitWithOutcomesInput = Schemas['ActivityWithOutcomesInput'];
export type VisitWithOutcomes = Schemas['ActivityWithOutcomes'];

/** A visit and its outcome lines, written all-or-nothing; a line's problems name
 *  outcomes/N/<field>. */
export const createVisitWithOutcomes = (input: VisitWithOutcomesInput) =>
  http.post<VisitWithOutcomes>('/activities', input);
export const updateOutcome = (activityId: number, id: number, patch: Partial<OutcomeInput>) =>
  http.patch<Outcome>(`/activities/${activityId}/outcomes/${id}`, patch);
export const deleteOutcome = (activityId: number, id: number) =>
  http.del<void>(`/activities/${activityId}/outcomes/${id}`);

export type CampaignTarget = Schemas['CampaignTarget'];
export type CampaignTargetInput = Omit<Schemas['CampaignTargetInput'], 'campaign_id'>;
export const listTargets = (campaignId: number) =>
  http.get<{ items: CampaignTarget[]; next_cursor: string | null }>(
    `/campaigns/${campaignId}/targets`,
    { limit: 200 },
  );
export const createTarget = (campaignId: number, input: CampaignTargetInput) =>
  http.post<CampaignTarget>(`/campaigns/${campaignId}/targets`, input);
export const updateTarget = (campaignId: number, id: number, patch: Partial<CampaignTargetInput>) =>
  http.patch<CampaignTarget>(`/campaigns/${campaignId}/targets/${id}`, patch);
export const deleteTarget = (campaignId: number, id: number) =>
  http.del<void>(`/campaigns/${campaignId}/targets/${id}`);

export type AgreementParty = Schemas['AgreementParty'];
export type AgreementPartyInput = Omit<Schemas['AgreementPartyInput'], 'agreement_id'>;
export type PartyRole = NonNullable<AgreementParty['role']>;
export const PARTY_ROLES: readonly PartyRole[] = ['party', 'guarantor', 'witness'];
export const listParties = (agreementId: number) =>
  http.get<{ items: AgreementParty[]; next_cursor: string | null }>(
    `/agreements/${agreementId}/parties`,
    { limit: 100 },
  );
export const addParty = (agreementId: number, input: AgreementPartyInput) =>
  http.post<AgreementParty>(`/agreements/${agreementId}/parties`, input);
export const updateParty = (agreementId: number, id: number, patch: { role: PartyRole }) =>
  http.patch<AgreementParty>(`/agreements/${agreementId}/parties/${id}`, patch);
export const removeParty = (agreementId: number, id: number) =>
  http.del<void>(`/agreements/${agreementId}/parties/${id}`);

export type Event = Schemas['Event'];
export type EventInput = Schemas['EventInput'];
export type EventSlot = Schemas['EventSlot'];
export type EventSlotInput = Omit<Schemas['EventSlotInput'], 'event_id'>;
export const getEvent = (id: number) => http.get<Event>(`/events/${id}`);
export const createEvent = (input: EventInput) => http.post<Event>('/events', input);
export const updateEvent = (id: number, patch: Partial<EventInput>) =>
  http.patch<Event>(`/events/${id}`, patch);
export const deleteEvent = (id: number) => http.del<void>(`/events/${id}`);
export const addEventInstitution = (id: number, institutionId: number) =>
  http.post<Event>(`/events/${id}/institutions`, { institution_id: institutionId });
export const removeEventInstitution = (id: number, institutionId: number) =>
  http.del<Event>(`/events/${id}/institutions/${institutionId}`);
export const addEventPost = (id: number, postId: number) =>
  http.post<Event>(`/events/${id}/posts`, { post_id: postId });
export const removeEventPost = (id: number, postId: number) =>
  http.del<Event>(`/events/${id}/posts/${postId}`);
export const listSlots = (id: number) =>
  http.get<{ items: EventSlot[]; next_cursor: string | null }>(`/events/${id}/slots`);
export const createSlot = (id: number, input: EventSlotInput) =>
  http.post<EventSlot>(`/events/${id}/slots`, input);
export const updateSlot = (id: number, slotId: number, patch: Partial<EventSlotInput>) =>
  http.patch<EventSlot>(`/events/${id}/slots/${slotId}`, patch);
export const deleteSlot = (id: number, slotId: number) =>
  http.del<void>(`/events/${id}/slots/${slotId}`);

export type Institution = Schemas['Institution'];
export const listInstitutions = () =>
  http.get<{ items: Institution[]; next_cursor: string | null }>('/institutions', { limit: 200 });
export type Post = Schemas['Post'];
export const searchPosts = (title: string, signal?: AbortSignal) =>
  http.get<{ items: Post[]; next_cursor: string | null }>(
    '/posts',
    { title: title.trim() || undefined, limit: 20 },
    { signal },
  );
