import type { MandateExport } from '@portico/shared/contracts/mandates';
import { ApiRequestError, CSRF_HEADER, parseApiError } from '@portico/shared/http';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mandateKeys } from './query-keys';

/** The file name from `content-disposition: attachment; filename*=UTF-8''…`. */
const fileNameOf = (header: string | null) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(header ?? '')?.[1] ?? 'mandates.txt');

/** Exports the pending mandates of a kind and saves the bank's file in the browser. */
export async function exportMandates(input: MandateExport) {
  const res = await fetch('/api/v1/mandates/export', {
    method: 'POST',
    credentials: 'include',
    headers: { [CSRF_HEADER]: '1', 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw parseApiError(res.status, body) ?? new ApiRequestError(res.status, 'internal_error', res.statusText);
  }
  const fileName = fileNameOf(res.headers.get('content-disposition'));
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}

export function useExportMandates() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: exportMandates, onSuccess: () => queryClient.invalidateQueries({ queryKey: mandateKeys.lists() }) });
}
