import { ReplyComposer } from '@/components/reply-composer';
import { useReplyToThread } from '../api/reply-to-thread';

export function ReplyForm({ threadId }: { threadId: string }) {
  const reply = useReplyToThread();
  return (
    <ReplyComposer
      sender={{
        send: (input, onSuccess) => reply.mutate({ threadId, ...input }, { onSuccess }),
        isPending: reply.isPending,
        error: reply.error,
      }}
      maxLength={20_000}
      labels={{ body: 'thread.body', submit: 'thread.reply', sent: 'thread.replySent' }}
      files={{ texts: 'attachments' }}
    />
  );
}
