import type { PropertyCreate, PropertyDetail, PropertyPatch } from '@portico/shared/contracts/properties';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { propertyKeys } from './query-keys';

export const createProperty = (body: PropertyCreate) => api.post<PropertyDetail>('/api/v1/properties', body);
export const updateProperty = (propertyId: string, body: PropertyPatch) =>
  api.patch<PropertyDetail>(`/api/v1/properties/${propertyId}`, body);
export const setPropertyArchived = (propertyId: string, archived: boolean) =>
  api.post<PropertyDetail>(`/api/v1/properties/${propertyId}/${archived ? 'archive' : 'restore'}`);
export const addPropertyImage = (propertyId: string, attachmentId: string) =>
  api.post<PropertyDetail>(`/api/v1/properties/${propertyId}/images`, { attachmentId });
export const removePropertyImage = (propertyId: string, attachmentId: string) =>
  api.del<PropertyDetail>(`/api/v1/properties/${propertyId}/images/${attachmentId}`);

/** Every property write answers with the property: it replaces the cached detail, lists refetch. */
function useSaved() {
  const queryClient = useQueryClient();
  return (property: PropertyDetail) => {
    queryClient.setQueryData(propertyKeys.detail(property.id), property);
    void queryClient.invalidateQueries({ queryKey: propertyKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: ['history', 'property', property.id] });
  };
}

export function useCreateProperty() {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: createProperty, onSuccess });
}

export function useUpdateProperty(propertyId: string) {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: (body: PropertyPatch) => updateProperty(propertyId, body), onSuccess });
}

export function useSetPropertyArchived(propertyId: string) {
  const onSuccess = useSaved();
  return useMutation({ mutationFn: (archived: boolean) => setPropertyArchived(propertyId, archived), onSuccess });
}

export function usePropertyImage(propertyId: string) {
  const onSuccess = useSaved();
  return {
    add: useMutation({ mutationFn: (attachmentId: string) => addPropertyImage(propertyId, attachmentId), onSuccess }),
    remove: useMutation({ mutationFn: (attachmentId: string) => removePropertyImage(propertyId, attachmentId), onSuccess }),
  };
}
