import type { SignupCodeSent, VerificationChannel } from '@portico/shared/contracts/accounts';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function sendSignupCode({ signupId, channel }: { signupId: string; channel: VerificationChannel }) {
  return api.post<SignupCodeSent>(`/api/v1/auth/portal/signup/${encodeURIComponent(signupId)}/send-code`, { channel });
}

export function useSendSignupCode() {
  return useMutation({ mutationFn: sendSignupCode });
}
