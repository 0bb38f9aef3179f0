import { http } from './http';
import type { ResponseOf, Schemas } from './types';

export type Session = ResponseOf<'GET_auth_me'>;
export type SessionUser = Session['user'];
export type LoginInput = Schemas['LoginInput'];

export const ROLES = [
  'platform_admin',
  'institution_admin',
  'unit_staff',
  'enterprise_recruiter',
  'student',
  'observer',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

// A 401 from these three means "not signed in" (or a wrong password), not "session ended".
export const login = (input: LoginInput) =>
  http.post<ResponseOf<'POST_auth_login'>>('/auth/login', input, { redirectOn401: false });
export const me = () => http.get<Session>('/auth/me', undefined, { redirectOn401: false });
export const logout = () => http.post<void>('/auth/logout', undefined, { redirectOn401: false });
