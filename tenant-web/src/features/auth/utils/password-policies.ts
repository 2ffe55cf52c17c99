import type { PortalMe } from '@portico/shared/contracts/auth';
import { checkPasswordShape, type PasswordPolicy, type PasswordRuleCode } from '@portico/shared/password-policy';

/** The policies a signed-in person's new password must meet: every landlord they answer to (as the API checks). */
export function policiesOfMe(me: PortalMe | null | undefined): PasswordPolicy[] {
  const policies = [...new Set(me?.memberships.map((m) => m.landlord.passwordPolicy) ?? [])].sort();
  return policies.length ? policies : ['standard'];
}

/** The first rule the password breaks, with the policy it belongs to (for the texts' parameters). */
export function firstPasswordProblem(
  password: string,
  policies: PasswordPolicy[],
): { code: PasswordRuleCode; policy: PasswordPolicy } | null {
  for (const policy of policies) {
    const code = checkPasswordShape(password, policy);
    if (code) return { code, policy };
  }
  return null;
}
