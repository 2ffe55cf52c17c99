import { OkSchema, type PasswordResetConfirm } from '@portico/shared/contracts/auth';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function confirmPasswordReset(body: PasswordResetConfirm) {
  return api.post('/api/v1/auth/portal/password-reset/confirm', OkSchema, body);
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}
