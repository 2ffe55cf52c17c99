import type { HelpCategory } from '@portico/shared/contracts/help';
import type { Locale } from '@portico/shared/locale';

/** `cursor`: a page's nextCursor / previousCursor; none for the first page. */
export type HelpArticleListParams = {
  locale?: Locale;
  category?: HelpCategory;
  q?: string;
  cursor?: string | undefined;
  limit: number;
};

export const helpKeys = {
  all: ['help-articles'] as const,
  lists: () => [...helpKeys.all, 'list'] as const,
  list: (params: HelpArticleListParams) => [...helpKeys.lists(), params] as const,
  detail: (id: string) => [...helpKeys.all, 'detail', id] as const,
};
