import { ReplyComposer } from '@/components/reply-composer';
import { useReplyToCase } from '../api/reply-to-case';

/** A public reply in the case's dialog, with photos or files. */
export function CaseReplyForm({ customerId, caseId }: { customerId: string; caseId: string }) {
  const reply = useReplyToCase(customerId);
  return (
    <ReplyComposer
      sender={{
        send: (input, onSuccess) => reply.mutate({ caseId, ...input }, { onSuccess }),
        isPending: reply.isPending,
        error: reply.error,
      }}
      maxLength={10_000}
      labels={{ body: 'case.reply.body', submit: 'case.reply.submit', sent: 'case.reply.sent' }}
      files={{ texts: 'caseFiles', withCamera: true }}
    />
  );
}
