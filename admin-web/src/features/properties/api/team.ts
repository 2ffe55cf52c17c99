import type { PropertyTeam, PropertyTeamPut } from '@portico/shared/contracts/documents';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { propertyKeys } from './query-keys';

const path = (propertyId: string) => `/api/v1/properties/${encodeURIComponent(propertyId)}/team`;

export const getPropertyTeam = (propertyId: string) => api.get<PropertyTeam>(path(propertyId));
export const putPropertyTeam = (propertyId: string, body: PropertyTeamPut) => api.put<PropertyTeam>(path(propertyId), body);

export const propertyTeamQueryOptions = (propertyId: string) =>
  queryOptions({ queryKey: propertyKeys.team(propertyId), queryFn: () => getPropertyTeam(propertyId) });

export const usePropertyTeam = (propertyId: string) => useQuery(propertyTeamQueryOptions(propertyId));

/** Replaces the team; the answer (the team as saved) replaces the cached one. */
export function useSavePropertyTeam(propertyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PropertyTeamPut) => putPropertyTeam(propertyId, body),
    onSuccess: (team) => queryClient.setQueryData(propertyKeys.team(propertyId), team),
  });
}
