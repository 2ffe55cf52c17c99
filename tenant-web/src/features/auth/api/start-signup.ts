import type { SignupStartBody, SignupStarted } from '@portico/shared/contracts/accounts';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function startSignup(body: SignupStartBody) {
  return api.post<SignupStarted>('/api/v1/auth/portal/signup', body);
}

export function useStartSignup() {
  return useMutation({ mutationFn: startSignup });
}
