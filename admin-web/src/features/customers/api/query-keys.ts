/** `cursor`: a page's nextCursor / previousCursor; none for the first page. */
export type CustomerListParams = {
  q?: string;
  kind?: 'person' | 'company';
  archived?: 'false' | 'true' | 'all';
  sort?: 'name' | 'created';
  dir?: 'asc' | 'desc';
  cursor?: string | undefined;
  limit: number;
};

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (params: CustomerListParams) => [...customerKeys.lists(), params] as const,
  details: () => [...customerKeys.all, 'detail'] as const,
  detail: (customerId: string) => [...customerKeys.details(), customerId] as const,
  /** Under the customer's detail key, so invalidating the customer refreshes its portal users too. */
  portalUsers: (customerId: string) => [...customerKeys.detail(customerId), 'portal-users'] as const,
};
