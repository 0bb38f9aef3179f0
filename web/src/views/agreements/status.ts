import type { AgreementStatus } from '@/api/officer';

export const agreementStatusType = (s: AgreementStatus) =>
  s === 'active' || s === 'renewed'
    ? 'success'
    : s === 'expiring'
      ? 'warning'
      : s === 'expired' || s === 'terminated'
        ? 'danger'
        : 'info';
