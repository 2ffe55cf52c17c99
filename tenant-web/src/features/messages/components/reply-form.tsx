import { ReplyBodySchema } from '@portico/shared/contracts/messaging';
import { ReplyComposer } from '@/components/reply-composer';
import { useReplyToThread } from '../api/reply-to-thread';

const ReplyFormSchema = ReplyBodySchema.pick({ body: true });

export function ReplyForm({ threadId }: { threadId: string }) {
  const reply = useReplyToThread();
  return (
    <ReplyComposer
      sender={{
        send: (input, onSuccess) => reply.mutate({ threadId, ...input }, { onSuccess }),
        isPending: reply.isPending,
        error: reply.error,
      }}
      schema={ReplyFormSchema}
      labels={{ body: 'thread.body', submit: 'thread.reply', sent: 'thread.replySent' }}
      files={{ texts: 'attachments' }}
    />
  );
}
