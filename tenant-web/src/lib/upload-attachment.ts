import type { Attachment } from '@portico/shared/contracts/messaging';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function uploadAttachment(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<Attachment>('/api/v1/portal/uploads', form);
}

export function useUploadAttachment() {
  return useMutation({ mutationFn: uploadAttachment });
}
