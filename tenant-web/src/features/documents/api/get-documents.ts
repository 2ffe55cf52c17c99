import type { PortalDocumentPage } from '@portico/shared/contracts/documents';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type DocumentListParams, documentKeys } from './keys';

/** Seed 004's Documents: the customer's own, its leases' (administrators) and its properties' documents, newest first. */
export function getDocuments({ cursor, limit, category }: DocumentListParams) {
  return api.get<PortalDocumentPage>('/api/v1/portal/documents', { cursor, limit, category });
}

export const documentsQueryOptions = (params: DocumentListParams) =>
  queryOptions({ queryKey: documentKeys.list(params), queryFn: () => getDocuments(params) });

export function useDocuments(params: DocumentListParams) {
  return useQuery(documentsQueryOptions(params));
}

/** A plain link: the API finds the document among every customer the person belongs to. */
export const documentFileUrl = (documentId: string) => `/api/v1/portal/documents/${encodeURIComponent(documentId)}/file`;
