import type { Unit, UnitCreate, UnitPage, UnitPatch } from '@portico/shared/contracts/properties';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { propertyKeys, type UnitListParams } from './query-keys';

export const getUnits = (params: UnitListParams) => api.get<UnitPage>('/api/v1/units', params);

export const unitsQueryOptions = (params: UnitListParams) =>
  queryOptions({ queryKey: propertyKeys.units(params), queryFn: () => getUnits(params), placeholderData: keepPreviousData });

export const useUnits = (params: UnitListParams) => useQuery(unitsQueryOptions(params));

export const createUnit = (body: UnitCreate) => api.post<Unit>('/api/v1/units', body);
export const updateUnit = (unitId: string, body: UnitPatch) => api.patch<Unit>(`/api/v1/units/${unitId}`, body);
export const setUnitArchived = (unitId: string, archived: boolean) =>
  api.post<Unit>(`/api/v1/units/${unitId}/${archived ? 'archive' : 'restore'}`);

/** A unit changed: its property's unit list and count refresh. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (unit: Unit) => {
    void queryClient.invalidateQueries({ queryKey: [...propertyKeys.all, 'units'] });
    void queryClient.invalidateQueries({ queryKey: propertyKeys.detail(unit.property.id) });
    void queryClient.invalidateQueries({ queryKey: propertyKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: ['history', 'unit', unit.id] });
  };
}

export function useSaveUnit() {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: ({ unitId, body }: { unitId?: string; body: UnitCreate }) => (unitId ? updateUnit(unitId, body) : createUnit(body)),
    onSuccess,
  });
}

export function useSetUnitArchived() {
  const onSuccess = useRefresh();
  return useMutation({
    mutationFn: ({ unitId, archived }: { unitId: string; archived: boolean }) => setUnitArchived(unitId, archived),
    onSuccess,
  });
}
