import type { PasswordPolicies } from '@portico/shared/contracts/accounts';
import { parseIdentityNumber } from '@portico/shared/formats/identity';
import type { PasswordPolicy } from '@portico/shared/password-policy';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './keys';

/** The password policies of the landlords a sign-up with this identity number goes to. */
export function getSignupPolicies(identityNumber: string) {
  return api.post<PasswordPolicies>('/api/v1/auth/portal/signup/policy', { identityNumber });
}

export const signupPoliciesQueryOptions = (normalized: string) =>
  queryOptions({
    queryKey: authKeys.signupPolicies(normalized),
    queryFn: () => getSignupPolicies(normalized),
    staleTime: 10 * 60_000,
    retry: false,
  });

/** Asked only once the number is complete and valid, so half-typed numbers are never sent. */
export function useSignupPolicies(identityNumber: string): PasswordPolicy[] | undefined {
  const normalized = parseIdentityNumber(identityNumber.trim())?.normalized ?? '';
  const query = useQuery({ ...signupPoliciesQueryOptions(normalized), enabled: normalized !== '' });
  return normalized ? query.data?.policies : undefined;
}
