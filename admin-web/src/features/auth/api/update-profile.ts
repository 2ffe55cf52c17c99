import type { StaffMe, UpdateProfileBody } from '@portico/shared/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './query-keys';

export const updateProfile = (body: UpdateProfileBody) => api.patch<StaffMe>('/api/v1/auth/staff/me', body);

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (me) => {
      queryClient.setQueryData(authKeys.me(), me);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: authKeys.all }),
  });
}
