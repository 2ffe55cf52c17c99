/** The signed-in user's own settings: not tied to the selected customer. */
export const settingsKeys = {
  all: ['settings'] as const,
  preferences: () => [...settingsKeys.all, 'preferences'] as const,
  sessions: () => [...settingsKeys.all, 'sessions'] as const,
};
