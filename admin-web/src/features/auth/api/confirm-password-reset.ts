import type { Ok, PasswordResetConfirm } from '@portico/shared/contracts/auth';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const confirmPasswordReset = (body: PasswordResetConfirm) => api.post<Ok>('/api/v1/auth/staff/password-reset/confirm', body);

export const useConfirmPasswordReset = () => useMutation({ mutationFn: confirmPasswordReset });
