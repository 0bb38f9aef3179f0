import type { CampaignStatus } from '@/api/campaigns';

export const statusType = (s: CampaignStatus) =>
  s === 'active' ? 'success' : s === 'planned' ? 'warning' : 'info';
