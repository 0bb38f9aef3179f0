import { http } from './http';
import type { QueryOf, ResponseOf } from './types';

export type StudentReport = ResponseOf<'GET_reports_students'>;
export type StudentReportCell = StudentReport['cells'][number];
export type StudentReportQuery = QueryOf<'GET_reports_students'>;

export const studentReport = (query: StudentReportQuery) =>
  http.get<StudentReport>('/reports/students', query);
