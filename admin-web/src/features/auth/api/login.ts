import type { LoginBodySchema, StaffMe } from '@portico/shared/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '@/lib/api-client';
import { authKeys } from './query-keys';

/** `remember` is optional on the wire (the API defaults it to false). */
export type LoginInput = z.input<typeof LoginBodySchema>;

export const login = (body: LoginInput) => api.post<StaffMe>('/api/v1/auth/staff/login', body);

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}
