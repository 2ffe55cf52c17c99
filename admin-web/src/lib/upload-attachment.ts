import type { Attachment } from '@portico/shared/contracts/messaging';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** POST /api/v1/uploads: one part `file`; the returned id is then named in `attachmentIds`. Shared by messages and cases. */
export function uploadAttachment(file: Blob, filename = file instanceof File ? file.name : 'upload') {
  const form = new FormData();
  form.append('file', file, filename);
  return api.upload<Attachment>('/api/v1/uploads', form);
}

export const useUploadAttachment = () =>
  useMutation({ mutationFn: ({ file, filename }: { file: Blob; filename?: string }) => uploadAttachment(file, filename) });
