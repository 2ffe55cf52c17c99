import type { StaffNewThreadBody, ThreadDetail } from '@portico/shared/contracts/messaging';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { messageKeys } from './query-keys';

export const createThread = (body: StaffNewThreadBody) => api.post<ThreadDetail>('/api/v1/threads', body);

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
