import { type SignupStartBody, SignupStartedSchema } from '@portico/shared/contracts/accounts';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function startSignup(body: SignupStartBody) {
  return api.post('/api/v1/auth/portal/signup', SignupStartedSchema, body);
}

export function useStartSignup() {
  return useMutation({ mutationFn: startSignup });
}
