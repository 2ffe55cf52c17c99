import type { PaymentImportSummary } from '@portico/shared/contracts/payments';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { paymentKeys } from './query-keys';

export function uploadBgmax(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<PaymentImportSummary>('/api/v1/payments/imports', form);
}

export function useUploadBgmax() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: uploadBgmax, onSuccess: () => queryClient.invalidateQueries({ queryKey: paymentKeys.all }) });
}
