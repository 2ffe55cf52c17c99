import type { StaffInvite, StaffPatch, StaffUser } from '@portico/shared/contracts/staff';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { staffKeys } from './query-keys';

const path = (staffId: string) => `/api/v1/staff-users/${encodeURIComponent(staffId)}`;

export const inviteStaff = (body: StaffInvite) => api.post<StaffUser>('/api/v1/staff-users', body);
export const updateStaff = ({ staffId, patch }: { staffId: string; patch: StaffPatch }) => api.patch<StaffUser>(path(staffId), patch);

export type StaffAction = 'deactivate' | 'reactivate' | 'invitation/resend' | 'invitation/cancel';
export const staffAction = ({ staffId, action }: { staffId: string; action: StaffAction }) =>
  api.post<StaffUser>(`${path(staffId)}/${action}`);

/** Every change refreshes the lists and puts the answer in the person's detail cache. */
function useStaffMutation<I>(fn: (input: I) => Promise<StaffUser>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (user) => {
      queryClient.setQueryData(staffKeys.detail(user.id), user);
      void queryClient.invalidateQueries({ queryKey: staffKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ['history', 'staff_user', user.id] });
    },
  });
}

export const useInviteStaff = () => useStaffMutation(inviteStaff);
export const useUpdateStaff = () => useStaffMutation(updateStaff);
export const useStaffAction = () => useStaffMutation(staffAction);
