import { http } from './http';
import type { QueryOf, ResponseOf, Schemas } from './types';

export type Post = Schemas['Post'];
export type PostQuery = QueryOf<'GET_posts'>;

export const listPosts = (query: PostQuery = {}, signal?: AbortSignal) =>
  http.get<ResponseOf<'GET_posts'>>('/posts', query, { signal });
export const getPost = (id: number) => http.get<ResponseOf<'GET_posts__id_'>>(`/posts/${id}`);
