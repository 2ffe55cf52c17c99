import type { DocumentCategorySchema } from '@portico/shared/contracts/content';
import type { z } from 'zod';
import { CUSTOMER_SCOPE } from '@/lib/query-client';

export interface DocumentListParams {
  customerId: string;
  category?: z.infer<typeof DocumentCategorySchema> | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Per customer: switching customer must never show the previous one's documents. */
export const documentKeys = {
  all: [CUSTOMER_SCOPE, 'documents'] as const,
  list: (params: DocumentListParams) => [...documentKeys.all, 'list', params] as const,
};
