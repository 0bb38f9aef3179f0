import { http } from './http';
import type { ResponseOf, Schemas } from './types';

export type Institution = Schemas['Institution'];

export const getInstitution = (id: number) =>
  http.get<ResponseOf<'GET_institutions__id_'>>(`/institutions/${id}`);
