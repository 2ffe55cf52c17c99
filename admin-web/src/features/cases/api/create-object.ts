import type { EquipmentObject, EquipmentObjectBody } from '@portico/shared/contracts/cases';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKeys } from './query-keys';

/** 409 conflict when the number is already used by this landlord. */
export const createObject = (body: EquipmentObjectBody) => api.post<EquipmentObject>('/api/v1/objects', body);

export function useCreateObject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createObject,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.objects() }),
  });
}
