import type { PortalLandlordInfo, SupportContacts } from '@portico/shared/contracts/settings';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const landlordKeys = {
  all: ['landlord'] as const,
  /** Per customer: the header picks the customer, and with it the landlord. */
  info: (customerId: string) => [...landlordKeys.all, 'info', customerId] as const,
  support: (landlordId: string) => [...landlordKeys.all, 'support', landlordId] as const,
};

export const getLandlordInfo = () => api.get<PortalLandlordInfo>('/api/v1/portal/landlord');

export const landlordInfoQueryOptions = (customerId: string) =>
  queryOptions({ queryKey: landlordKeys.info(customerId), queryFn: getLandlordInfo, staleTime: 5 * 60_000 });

export const useLandlordInfo = (customerId: string) => useQuery(landlordInfoQueryOptions(customerId));

/** Before sign-in, by landlord id (a link from the landlord's mail: /sign-in-help?landlord=…). */
export const getSupport = (landlordId: string) => api.get<SupportContacts>(`/api/v1/auth/portal/support/${encodeURIComponent(landlordId)}`);

export const useSupport = (landlordId: string | null) =>
  useQuery({
    queryKey: landlordKeys.support(landlordId ?? ''),
    queryFn: () => getSupport(landlordId!),
    enabled: Boolean(landlordId),
    retry: false,
  });
