import { http } from './http';
import type { QueryOf, ResponseOf, Schemas } from './types';

export type Campaign = Schemas['Campaign'];
export type CampaignStatus = Campaign['status'];
export type CampaignQuery = QueryOf<'GET_campaigns'>;
export type CampaignTarget = Schemas['CampaignTarget'];
export type CampaignProgress = Schemas['CampaignProgress'];
export type ProgressRow = CampaignProgress['by_unit'][number];
export type CampaignRanking = Schemas['CampaignRanking'];
export type RankingItem = CampaignRanking['items'][number];

export const CAMPAIGN_STATUSES: readonly CampaignStatus[] = ['planned', 'active', 'closed'];
/** The three measures a campaign counts, in the order the pages show them. */
export const MEASURES = ['visits', 'employers', 'posts'] as const;
export type Measure = (typeof MEASURES)[number];

export const listCampaigns = (query: CampaignQuery = {}, signal?: AbortSignal) =>
  http.get<ResponseOf<'GET_campaigns'>>('/campaigns', query, { signal });
export const getCampaign = (id: number) =>
  http.get<ResponseOf<'GET_campaigns__id_'>>(`/campaigns/${id}`);
export const campaignProgress = (id: number) =>
  http.get<CampaignProgress>(`/campaigns/${id}/progress`);
/** week: ISO week "YYYY-Www"; without it the server picks the current week, kept inside the
 *  campaign's period. */
export const campaignRanking = (id: number, week?: string) =>
  http.get<CampaignRanking>(`/campaigns/${id}/ranking`, { week });
