// Reference data: regions (GB/T 2260), majors, industries (GB/T 4754).
import { http } from './http';
import type { QueryOf, ResponseOf } from './types';

export type RegionDetail = ResponseOf<'GET_regions__code_'>;
export type Major = ResponseOf<'GET_majors__code_'>;
export type Industry = ResponseOf<'GET_industries__code_'>;

export const getRegion = (code: string) =>
  http.get<RegionDetail>(`/regions/${encodeURIComponent(code)}`);
export const getMajor = (code: string) => http.get<Major>(`/majors/${encodeURIComponent(code)}`);
export const getIndustry = (code: string) =>
  http.get<Industry>(`/industries/${encodeURIComponent(code)}`);
export type MajorQuery = QueryOf<'GET_majors'>;
export const listMajors = (query: MajorQuery = {}, signal?: AbortSignal) =>
  http.get<ResponseOf<'GET_majors'>>('/majors', query, { signal });
