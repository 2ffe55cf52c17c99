import type { ImportKind } from '@portico/shared/contracts/imports';

export type ImportListParams = { kind?: ImportKind | undefined; cursor?: string | undefined; limit: number };

export const importKeys = {
  all: ['imports'] as const,
  lists: () => [...importKeys.all, 'list'] as const,
  list: (params: ImportListParams) => [...importKeys.lists(), params] as const,
  detail: (importId: string) => [...importKeys.all, 'detail', importId] as const,
};
