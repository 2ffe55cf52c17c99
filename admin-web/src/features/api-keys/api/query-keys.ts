export type ApiKeyListParams = { cursor?: string | undefined; limit: number };

export const apiKeyKeys = {
  all: ['api-keys'] as const,
  lists: () => [...apiKeyKeys.all, 'list'] as const,
  list: (params: ApiKeyListParams) => [...apiKeyKeys.lists(), params] as const,
};
