import { http } from './http';
import type { QueryOf, ResponseOf, Schemas } from './types';

export type Unit = Schemas['Unit'];
export type UnitQuery = QueryOf<'GET_units'>;

export const listUnits = (query: UnitQuery = {}) =>
  http.get<ResponseOf<'GET_units'>>('/units', query);
export const getUnit = (id: number) => http.get<ResponseOf<'GET_units__id_'>>(`/units/${id}`);
