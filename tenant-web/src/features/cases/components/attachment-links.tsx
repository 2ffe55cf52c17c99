import { Anchor, Stack } from '@mantine/core';
import type { Attachment } from '@portico/shared/contracts/messaging';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '@/lib/format';

export function attachmentUrl(attachment: Attachment): string {
  return `/api/v1/portal/attachments/${encodeURIComponent(attachment.id)}`;
}

/** Files as links that open in a new tab. */
export function AttachmentLinks({ attachments, label }: { attachments: Attachment[]; label: string }) {
  const { t, i18n } = useTranslation();
  if (!attachments.length) return null;
  return (
    <Stack gap={4} component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {attachments.map((a) => (
        <li key={a.id} className="break-anywhere">
          <Anchor href={attachmentUrl(a)} target="_blank" rel="noopener">
            {t('thread.attachment', { name: a.filename, size: formatFileSize(a.size, i18n.language) })}
          </Anchor>
        </li>
      ))}
    </Stack>
  );
}
