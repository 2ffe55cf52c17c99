import type { SignupVerified, SignupVerifyBody } from '@portico/shared/contracts/accounts';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The 6-digit code typed in, or the token from the e-mailed link. */
export function verifySignup({ signupId, body }: { signupId: string; body: SignupVerifyBody }) {
  return api.post<SignupVerified>(`/api/v1/auth/portal/signup/${encodeURIComponent(signupId)}/verify`, body);
}

export function useVerifySignup() {
  return useMutation({ mutationFn: verifySignup });
}
