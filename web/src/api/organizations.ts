import { http } from './http';
import type { QueryOf, ResponseOf, Schemas } from './types';

export type Organization = Schemas['Organization'];
export type OrganizationKind = Organization['kind'];
export type Relation = Schemas['Relation'];
export type OrganizationQuery = QueryOf<'GET_organizations'>;
export type RelationQuery = QueryOf<'GET_organizations__id__relations'>;

export const ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  'enterprise',
  'government',
  'association',
  'park',
  'financial',
  'other',
];

export const listOrganizations = (query: OrganizationQuery = {}, signal?: AbortSignal) =>
  http.get<ResponseOf<'GET_organizations'>>('/organizations', query, { signal });
export const getOrganization = (id: number) =>
  http.get<ResponseOf<'GET_organizations__id_'>>(`/organizations/${id}`);
export const listRelations = (id: number, query: RelationQuery = {}) =>
  http.get<ResponseOf<'GET_organizations__id__relations'>>(`/organizations/${id}/relations`, query);
/** Likely duplicates: the same name once width, case, punctuation and legal form are ignored. */
export const listDuplicates = (id: number) =>
  http.get<ResponseOf<'GET_organizations__id__duplicates'>>(`/organizations/${id}/duplicates`);
