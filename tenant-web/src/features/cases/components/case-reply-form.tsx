import { CaseReplyBodySchema } from '@portico/shared/contracts/cases';
import { ReplyComposer } from '@/components/reply-composer';
import { useReplyToCase } from '../api/reply-to-case';

const ReplyFormSchema = CaseReplyBodySchema.pick({ body: true });

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
      schema={ReplyFormSchema}
      labels={{ body: 'case.reply.body', submit: 'case.reply.submit', sent: 'case.reply.sent' }}
      files={{ texts: 'caseFiles', withCamera: true }}
    />
  );
}
