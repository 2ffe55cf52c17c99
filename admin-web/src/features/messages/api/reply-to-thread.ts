import type { Message, ReplyBody } from '@portico/shared/contracts/messaging';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { messageKeys } from './query-keys';

export const replyToThread = (threadId: string, body: ReplyBody) =>
  api.post<Message>(`/api/v1/threads/${encodeURIComponent(threadId)}/messages`, body);

export function useReplyToThread(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReplyBody) => replyToThread(threadId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: messageKeys.detail(threadId) }),
        queryClient.invalidateQueries({ queryKey: messageKeys.lists() }),
      ]),
  });
}
