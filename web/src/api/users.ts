import { http } from './http';
import type { QueryOf, ResponseOf, Schemas } from './types';

export type User = Schemas['User'];
export type UserQuery = QueryOf<'GET_users'>;

export const listUsers = (query: UserQuery = {}, signal?: AbortSignal) =>
  http.get<ResponseOf<'GET_users'>>('/users', query, { signal });
