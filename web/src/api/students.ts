import { http } from './http';
import type { QueryOf, ResponseOf, Schemas } from './types';

export type Student = Schemas['Student'];
export type StudentQuery = QueryOf<'GET_students'>;

export const listStudents = (query: StudentQuery = {}, signal?: AbortSignal) =>
  http.get<ResponseOf<'GET_students'>>('/students', query, { signal });
export const getStudent = (id: number) =>
  http.get<ResponseOf<'GET_students__id_'>>(`/students/${id}`);
