import type { Ok, PasswordResetConfirm } from '@portico/shared/contracts/auth';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function confirmPasswordReset(body: PasswordResetConfirm) {
  return api.post<Ok>('/api/v1/auth/portal/password-reset/confirm', body);
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}
