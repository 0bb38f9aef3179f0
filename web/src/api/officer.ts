// Officer pages: agreements, events, destinations, employment figures and the campaign visit
// exchange (one function per endpoint, typed from schema.d.ts).
import { apiUrl, http, request, sendBytes } from './http';
import type { QueryOf, ResponseOf, Schemas } from './types';

export type Agreement = Schemas['Agreement'];
export type AgreementInput = Schemas['AgreementInput'];
export type AgreementKind = Agreement['kind'];
export type AgreementStatus = Agreement['status'];
export type AgreementScope = Agreement['scopes'][number];
export type AgreementMode = Agreement['modes'][number];
export type AgreementQuery = QueryOf<'GET_agreements'>;
export type AgreementDocument = Schemas['AgreementDocument'];
export type AgreementParty = Schemas['AgreementParty'];
export type AgreementTransition = Schemas['AgreementTransition'];

export const AGREEMENT_KINDS: readonly AgreementKind[] = [
  'framework',
  'internship_base',
  'industrial_college',
  'professor_workstation',
  'order_class',
  'joint_lab',
  'tech_transfer',
  'entrepreneurship',
];
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = [
  'draft',
  'signed',
  'active',
  'expiring',
  'expired',
  'renewed',
  'terminated',
];
export const AGREEMENT_SCOPES: readonly AgreementScope[] = [
  'employment',
  'internship',
  'training',
  'joint_training',
  'research_platform',
  'achievement_transformation',
  'entrepreneurship',
  'other',
];
export const AGREEMENT_MODES: readonly AgreementMode[] = [
  'order_class',
  'industrial_college',
  'modern_apprenticeship',
  'practice_base',
  'professor_workstation',
  'joint_lab',
  'other',
];
/** Types the server accepts for a document (it checks the bytes too), at most 10 MiB. */
export const DOCUMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const MAX_DOCUMENT_BYTES = 10 << 20;

export const listAgreements = (query: AgreementQuery = {}, signal?: AbortSignal) =>
  http.get<ResponseOf<'GET_agreements'>>('/agreements', query, { signal });
export const getAgreement = (id: number) => http.get<Agreement>(`/agreements/${id}`);
export const createAgreement = (body: AgreementInput) => http.post<Agreement>('/agreements', body);
export const updateAgreement = (id: number, body: Partial<AgreementInput>) =>
  http.patch<Agreement>(`/agreements/${id}`, body);
export const moveAgreement = (id: number, to: string, note: string) =>
  http.post<Agreement>(`/agreements/${id}/transitions`, { to, note });
export const agreementTransitions = (id: number) =>
  http.get<ResponseOf<'GET_agreements__id__transitions'>>(`/agreements/${id}/transitions`, {
    limit: 100,
  });
export const agreementParties = (id: number) =>
  http.get<ResponseOf<'GET_agreements__id__parties'>>(`/agreements/${id}/parties`, {
    limit: 100,
  });
export const agreementDocuments = (id: number) =>
  http.get<ResponseOf<'GET_agreements__id__documents'>>(`/agreements/${id}/documents`, {
    limit: 100,
  });
export const uploadDocument = (id: number, file: File, contentType: string) =>
  sendBytes<AgreementDocument>('POST', `/agreements/${id}/documents`, file, contentType, {
    filename: file.name,
  });
export const documentUrl = (id: number, documentId: number) =>
  apiUrl(`/agreements/${id}/documents/${documentId}`);

export type Event = Schemas['Event'];
export type EventKind = 'job_fair' | 'livestream' | 'group_interview';
export type EventRegistration = Schemas['EventRegistration'];
export type EventSlot = Schemas['EventSlot'];
export type EventFigures = Schemas['EventFigures'];
export type EventSettingsInput = Schemas['EventSettingsInput'];
export const EVENT_KINDS: readonly EventKind[] = ['job_fair', 'livestream', 'group_interview'];

export const listEvents = (
  query: QueryOf<'GET_events'> & { cursor?: string } = {},
  signal?: AbortSignal,
) => http.get<ResponseOf<'GET_events'>>('/events', query, { signal });
export const getEvent = (id: number) => http.get<Event>(`/events/${id}`);
export const eventRegistrations = (id: number) =>
  http.get<ResponseOf<'GET_events__id__registrations'>>(`/events/${id}/registrations`);
export const eventSlots = (id: number) =>
  http.get<ResponseOf<'GET_events__id__slots'>>(`/events/${id}/slots`);
export const eventFigures = (id: number) => http.get<EventFigures>(`/events/${id}/figures`);
export const checkIn = (id: number, code: string) =>
  http.post<EventRegistration>(`/events/${id}/checkins`, { code });
export const saveEventSettings = (id: number, body: EventSettingsInput) =>
  request<Event>('PUT', `/events/${id}/settings`, { body });

export type Destination = Schemas['Destination'];
export type DestinationCategory = Destination['category'];
export type DestinationStatus = Destination['status'];
export const DESTINATION_CATEGORIES: readonly DestinationCategory[] = [
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
export const DESTINATION_STATUSES: readonly DestinationStatus[] = [
  'registered',
  'verified',
  'rejected',
];
export interface DestinationFlag {
  rule: string;
  count: number;
  destination_id: number | null;
  employer: string;
  unit_id: number | null;
  reason: { zh: string; en: string };
}

export const listDestinations = (query: QueryOf<'GET_destinations'> = {}, signal?: AbortSignal) =>
  http.get<ResponseOf<'GET_destinations'>>('/destinations', query, { signal });
export const verifyDestination = (id: number, decision: 'verified' | 'rejected') =>
  http.post<Destination>(`/destinations/${id}/verification`, { decision });
export const evidenceUrl = (id: number) => apiUrl(`/destinations/${id}/evidence`);
export const destinationFlags = (institutionId: number, cohort: number) =>
  http.get<{ items: DestinationFlag[] }>('/reports/destination-flags', {
    institution_id: institutionId,
    cohort,
  });

export interface EmploymentRow {
  key: string;
  label: string;
  graduates: number | null;
  placed: number | null;
  placement_rate: number | null;
  median_salary: number | null;
  mix: Partial<Record<DestinationCategory, number>>;
  suppressed: boolean;
}
export interface EmploymentReport {
  group_by: string;
  /** How the figures are counted, in Chinese and English. */
  rule: Schemas['Text'];
  rows: EmploymentRow[];
  total: EmploymentRow;
}
export type EmploymentGroup = 'unit' | 'major' | 'cohort' | 'province' | 'city';
export const employmentReport = (query: QueryOf<'GET_reports_employment'> = {}) =>
  http.get<EmploymentReport>('/reports/employment', query);

export type VisitImportReport = Schemas['VisitImportReport'];
export const visitsExportUrl = (campaignId: number, format: 'csv' | 'xlsx') =>
  apiUrl(`/campaigns/${campaignId}/visits/export`, { format });
export const importVisits = (campaignId: number, file: File, dryRun: boolean) => {
  const format = file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  return sendBytes<VisitImportReport>(
    'POST',
    `/campaigns/${campaignId}/visits/import`,
    file,
    'application/octet-stream',
    { format, dry_run: dryRun },
  );
};
