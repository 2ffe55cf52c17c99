import { Anchor, Group } from '@mantine/core';
import type { Attachment } from '@portico/shared/contracts/messaging';
import { useTranslation } from 'react-i18next';

function formatSize(bytes: number, locale: string): string {
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${nf.format(bytes / 1024 / 1024)} MB`;
  return `${nf.format(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

export function AttachmentLinks({ attachments }: { attachments: Attachment[] }) {
  const { t, i18n } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <Group component="ul" gap="sm" mt="xs" p={0} style={{ listStyle: 'none' }} aria-label={t('thread.attachments')}>
      {attachments.map((a) => (
        <li key={a.id}>
          <Anchor href={`/api/v1/attachments/${encodeURIComponent(a.id)}`} target="_blank" rel="noopener" size="sm">
            {a.filename} ({formatSize(a.size, i18n.language)})
          </Anchor>
        </li>
      ))}
    </Group>
  );
}
