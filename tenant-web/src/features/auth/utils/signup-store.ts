import type { SignupCodeSent, SignupStarted, SignupVerified } from '@portico/shared/contracts/accounts';

/**
 * What the sign-up steps learned from the API, kept for this tab so a reload can continue where it was.
 * The signup id itself lives in the URL (`/signup?id=…&step=…`); the API has no endpoint to read it back.
 */
export interface SignupProgress {
  channels?: SignupStarted['channels'];
  sent?: SignupCodeSent;
  profile?: SignupVerified['profile'];
}

const key = (signupId: string) => `portico.portal.signup.${signupId}`;

export function readSignup(signupId: string): SignupProgress {
  try {
    const raw = sessionStorage.getItem(key(signupId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed === 'object' ? (parsed as SignupProgress) : {};
  } catch {
    return {};
  }
}

export function saveSignup(signupId: string, patch: SignupProgress): void {
  try {
    sessionStorage.setItem(key(signupId), JSON.stringify({ ...readSignup(signupId), ...patch }));
  } catch {
    // storage unavailable: the steps still work, only a reload loses the prefill
  }
}

export function clearSignup(signupId: string): void {
  try {
    sessionStorage.removeItem(key(signupId));
  } catch {
    // ignore
  }
}
