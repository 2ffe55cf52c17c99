import type { PortalMe, UpdateProfileBody } from '@portico/shared/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './keys';

export function updateProfile(body: UpdateProfileBody) {
  return api.patch<PortalMe>('/api/v1/auth/portal/me', body);
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (me) => {
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}
