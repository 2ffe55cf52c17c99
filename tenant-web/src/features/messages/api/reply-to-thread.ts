import type { Message, ReplyBody } from '@portico/shared/contracts/messaging';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { messageKeys } from './keys';

export function replyToThread({ threadId, ...body }: ReplyBody & { threadId: string }) {
  return api.post<Message>(`/api/v1/portal/threads/${encodeURIComponent(threadId)}/messages`, body);
}

export function useReplyToThread() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replyToThread,
    onSuccess: (_message, { threadId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: messageKeys.detail(threadId) }),
        queryClient.invalidateQueries({ queryKey: messageKeys.lists() }),
      ]),
  });
}
