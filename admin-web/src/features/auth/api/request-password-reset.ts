import type { Ok } from '@portico/shared/contracts/auth';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const requestPasswordReset = (body: { email: string }) => api.post<Ok>('/api/v1/auth/staff/password-reset', body);

export const useRequestPasswordReset = () => useMutation({ mutationFn: requestPasswordReset });
