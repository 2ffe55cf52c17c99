import { type LoginBody, PortalMeSchema } from '@portico/shared/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './keys';

export function login(body: LoginBody) {
  return api.post('/api/v1/auth/portal/login', PortalMeSchema, body);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}
