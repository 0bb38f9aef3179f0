// Helpers that read request and response types out of the generated schema.d.ts.
import type { components, operations } from './schema';

export type Schemas = components['schemas'];
type Op = keyof operations;
type Json<T> = T extends { content: { 'application/json': infer R } } ? R : never;

/** The query parameters of an operation. */
export type QueryOf<K extends Op> = NonNullable<operations[K]['parameters']['query']>;
/** The JSON body of an operation's success response. */
export type ResponseOf<K extends Op> = operations[K]['responses'] extends infer R
  ? R extends { 200: infer S }
    ? Json<S>
    : R extends { 201: infer S }
      ? Json<S>
      : never
  : never;
