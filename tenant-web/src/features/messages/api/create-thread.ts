import type { PortalNewThreadBody, ThreadDetail } from '@portico/shared/contracts/messaging';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { messageKeys } from './keys';

export function createThread(body: PortalNewThreadBody) {
  return api.post<ThreadDetail>('/api/v1/portal/threads', body);
}

export function useCreateThread() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createThread,
    onSuccess: (thread) => {
      queryClient.setQueryData(messageKeys.detail(thread.id), thread);
      return queryClient.invalidateQueries({ queryKey: messageKeys.lists() });
    },
  });
}
