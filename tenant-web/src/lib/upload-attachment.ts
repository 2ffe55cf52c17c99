import { AttachmentSchema } from '@portico/shared/contracts/messaging';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function uploadAttachment(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload('/api/v1/portal/uploads', AttachmentSchema, form);
}

export function useUploadAttachment() {
  return useMutation({ mutationFn: uploadAttachment });
}
