import type { Document, DocumentCreate, DocumentListQuery, DocumentPage } from '@portico/shared/contracts/documents';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export type DocumentListParams = Partial<Omit<DocumentListQuery, 'limit'>> & { limit: number };

export const documentKeys = {
  all: ['documents'] as const,
  list: (params: DocumentListParams) => [...documentKeys.all, 'list', params] as const,
};

export const getDocuments = (params: DocumentListParams) => api.get<DocumentPage>('/api/v1/documents', params);

export const documentsQueryOptions = (params: DocumentListParams) =>
  queryOptions({ queryKey: documentKeys.list(params), queryFn: () => getDocuments(params), placeholderData: keepPreviousData });

export const useDocuments = (params: DocumentListParams) => useQuery(documentsQueryOptions(params));

export function useCreateDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DocumentCreate) => api.post<Document>('/api/v1/documents', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.all }),
  });
}

export function useDeleteDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) => api.del<{ ok: true }>(`/api/v1/documents/${encodeURIComponent(documentId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.all }),
  });
}

/** Staff open the file by a plain link (the staff cookie). */
export const documentFileUrl = (documentId: string) => `/api/v1/documents/${encodeURIComponent(documentId)}/file`;
