import type { PortalPropertyDetail } from '@portico/shared/contracts/documents';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { propertyKeys } from './keys';

/** Seed 002's "om fastigheten": description, facts, images, area information and contacts. */
export function getProperty(propertyId: string) {
  return api.get<PortalPropertyDetail>(`/api/v1/portal/properties/${encodeURIComponent(propertyId)}`);
}

export const propertyQueryOptions = (customerId: string, propertyId: string) =>
  queryOptions({ queryKey: propertyKeys.detail(customerId, propertyId), queryFn: () => getProperty(propertyId) });

export function useProperty(customerId: string, propertyId: string) {
  return useQuery({ ...propertyQueryOptions(customerId, propertyId), enabled: Boolean(customerId && propertyId) });
}

/** An `<img>` source: the API finds the property among every customer the person belongs to. */
export const propertyImageUrl = (propertyId: string, attachmentId: string) =>
  `/api/v1/portal/properties/${encodeURIComponent(propertyId)}/images/${encodeURIComponent(attachmentId)}`;
