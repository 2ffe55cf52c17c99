export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  invitation: (token: string) => [...authKeys.all, 'invitation', token] as const,
  signupPolicies: (identityNumber: string) => [...authKeys.all, 'signup-policies', identityNumber] as const,
  pendingEidLink: (requestId: string) => [...authKeys.all, 'eid-link', requestId] as const,
};
