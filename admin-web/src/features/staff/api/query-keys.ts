import type { StaffRole } from '@portico/shared/contracts/auth';
import type { StaffStatus } from '@portico/shared/contracts/staff';

export type StaffListParams = { q?: string; role?: StaffRole; status?: StaffStatus; cursor?: string | undefined; limit: number };

export const staffKeys = {
  all: ['staff-users'] as const,
  lists: () => [...staffKeys.all, 'list'] as const,
  list: (params: StaffListParams) => [...staffKeys.lists(), params] as const,
  detail: (staffId: string) => [...staffKeys.all, 'detail', staffId] as const,
  invitation: (token: string) => [...staffKeys.all, 'invitation', token] as const,
};
