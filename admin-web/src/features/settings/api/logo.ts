import type { LandlordSettings } from '@portico/shared/contracts/settings';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { settingsKeys } from './query-keys';

export const LOGO_PATH = '/api/v1/settings/logo';

export const uploadLogo = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<LandlordSettings>(LOGO_PATH, form);
};
export const removeLogo = () => api.del<LandlordSettings>(LOGO_PATH);

function useLogoMutation<I>(fn: (input: I) => Promise<LandlordSettings>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (settings) => queryClient.setQueryData(settingsKeys.detail(), settings) });
}
export const useUploadLogo = () => useLogoMutation(uploadLogo);
export const useRemoveLogo = () => useLogoMutation(removeLogo);
