import type { HelpArticle, HelpArticleCreate, HelpArticlePatch } from '@portico/shared/contracts/help';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { helpKeys } from './query-keys';

export const createHelpArticle = (body: HelpArticleCreate) => api.post<HelpArticle>('/api/v1/help-articles', body);
export const updateHelpArticle = (id: string, body: HelpArticlePatch) => api.patch<HelpArticle>(`/api/v1/help-articles/${id}`, body);
export const deleteHelpArticle = (id: string) => api.del<{ ok: true }>(`/api/v1/help-articles/${id}`);

/** A write answers with the article: it replaces the cached detail; lists and the other languages' tabs refetch. */
function useSaved() {
  const queryClient = useQueryClient();
  return (article: HelpArticle) => {
    queryClient.setQueryData(helpKeys.detail(article.id), article);
    void queryClient.invalidateQueries({ queryKey: helpKeys.lists() });
    for (const other of article.translations) void queryClient.invalidateQueries({ queryKey: helpKeys.detail(other.id) });
  };
}

export function useCreateHelpArticle() {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: createHelpArticle, onSuccess });
}

export function useUpdateHelpArticle(id: string) {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: (body: HelpArticlePatch) => updateHelpArticle(id, body), onSuccess });
}

export function useDeleteHelpArticle(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteHelpArticle(id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: helpKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: helpKeys.all });
    },
  });
}
