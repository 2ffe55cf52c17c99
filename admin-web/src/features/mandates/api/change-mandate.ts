import type { Mandate } from '@portico/shared/contracts/mandates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { mandateKeys } from './query-keys';

export type MandateAction = 'activate' | 'reject' | 'cancel';

export const changeMandate = ({ mandateId, action }: { mandateId: string; action: MandateAction }) =>
  api.post<Mandate>(`/api/v1/mandates/${encodeURIComponent(mandateId)}/${action}`);

export function useChangeMandate() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: changeMandate, onSuccess: () => queryClient.invalidateQueries({ queryKey: mandateKeys.all }) });
}
