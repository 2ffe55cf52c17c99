import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import type { WorkOrder } from '@portico/shared/contracts/cases';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatDuration, formatMoney } from '@/lib/format';
import { AttachmentLinks, attachmentUrl } from './attachment-links';

/** Seed 003 "Åtgärder": what was done, when, by whom, time and material, files and the signed delivery note. */
export function WorkOrderList({ workOrders }: { workOrders: WorkOrder[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (!workOrders.length) return <Text c="gray.7">{t('case.actions.empty')}</Text>;

  const sorted = [...workOrders].sort((a, b) => a.performedAt.localeCompare(b.performedAt));
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {sorted.map((wo) => (
        <li key={wo.id}>
          <Paper component="article" withBorder p="md">
            <Title order={3} size="h5" mb="xs">
              {t('case.actions.heading', { date: formatDate(wo.performedAt, locale) })}
            </Title>
            <dl className="facts">
              <dt>{t('case.actions.what')}</dt>
              <dd className="message-body">{wo.description}</dd>
              <dt>{t('case.actions.when')}</dt>
              <dd>
                <time dateTime={wo.performedAt}>{formatDateTime(wo.performedAt, locale)}</time>
              </dd>
              <dt>{t('case.actions.by')}</dt>
              <dd>{wo.performedBy}</dd>
              <dt>{t('case.actions.time')}</dt>
              <dd>{formatDuration(wo.minutes, locale)}</dd>
              <dt>{t('case.actions.cost')}</dt>
              <dd>{formatMoney(wo.materialCostMinor, wo.currency, locale)}</dd>
              {wo.attachments.length > 0 && (
                <>
                  <dt>{t('case.actions.files')}</dt>
                  <dd>
                    <AttachmentLinks attachments={wo.attachments} label={t('case.actions.files')} />
                  </dd>
                </>
              )}
              {wo.signature && (
                <>
                  <dt>{t('case.actions.signature')}</dt>
                  <dd>
                    <Anchor href={attachmentUrl(wo.signature.attachment)} target="_blank" rel="noopener" className="signature-link">
                      {wo.signature.kind === 'drawn' && wo.signature.attachment.contentType.startsWith('image/') && (
                        <img src={attachmentUrl(wo.signature.attachment)} alt="" className="signature-image" />
                      )}
                      <span>{t('case.actions.signedNote')}</span>
                    </Anchor>
                    <Text size="sm" c="gray.7">
                      {t('case.actions.signedBy', { name: wo.signature.signedBy, date: formatDateTime(wo.signature.signedAt, locale) })}
                    </Text>
                  </dd>
                </>
              )}
            </dl>
          </Paper>
        </li>
      ))}
    </Stack>
  );
}
