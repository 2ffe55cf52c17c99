import { OkSchema } from '@portico/shared/contracts/auth';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function requestPasswordReset(body: { email: string }) {
  return api.post('/api/v1/auth/portal/password-reset', OkSchema, body);
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
