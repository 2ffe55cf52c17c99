export const settingsKeys = {
  all: ['settings'] as const,
  detail: () => [...settingsKeys.all, 'detail'] as const,
  caseRouting: () => [...settingsKeys.all, 'case-routing'] as const,
};
