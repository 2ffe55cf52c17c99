import type { StaffMe } from '@portico/shared/contracts/auth';
import type { StaffInvitationAccept, StaffInvitationPreview } from '@portico/shared/contracts/staff';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { staffKeys } from './query-keys';

const path = (token: string) => `/api/v1/auth/staff/invitations/${encodeURIComponent(token)}`;

export const getStaffInvitation = (token: string) => api.get<StaffInvitationPreview>(path(token));

export const staffInvitationQueryOptions = (token: string) =>
  queryOptions({ queryKey: staffKeys.invitation(token), queryFn: () => getStaffInvitation(token), retry: false });

export const useStaffInvitation = (token: string) => useQuery(staffInvitationQueryOptions(token));

export const acceptStaffInvitation = ({ token, body }: { token: string; body: StaffInvitationAccept }) =>
  api.post<StaffMe>(`${path(token)}/accept`, body);

/** Accepting signs the person in: the answer is their `me` (the route puts it in the auth cache). */
export const useAcceptStaffInvitation = () => useMutation({ mutationFn: acceptStaffInvitation });
