import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { MandateStatus } from '@portico/shared/contracts/billing-core';
import type { PortalMandate } from '@portico/shared/contracts/mandates';
import { ApiRequestError } from '@portico/shared/http';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { PageLoader } from '@/components/page-loader';
import { errorText } from '@/lib/errors';
import { formatDateTime, leaseLabel } from '@/lib/format';
import { useCancelMandate, useMandateOverview } from '../api/mandates';
import { MandateForm } from './mandate-form';

const STATUS_COLOR: Record<MandateStatus, string> = { pending: 'yellow.9', active: 'green.9', cancelled: 'gray.8', rejected: 'red.9' };

function MandateState({ mandate }: { mandate: PortalMandate }) {
  const { t, i18n } = useTranslation(['money', 'portal']);
  const cancel = useCancelMandate();
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm">{t(`directDebit.kind.${mandate.kind}`)}</Text>
        <Badge variant="light" color={STATUS_COLOR[mandate.status]} data-testid="mandate-status">
          {t(`directDebit.status.${mandate.status}`)}
        </Badge>
      </Group>
      <Text size="sm">
        {t('directDebit.account', { code: mandate.bankCode, account: mandate.bankAccount })} · {mandate.holderName}
      </Text>
      <Text size="sm" c="gray.7">
        {mandate.status === 'active' && mandate.activatedAt
          ? t('directDebit.activeSince', { at: formatDateTime(mandate.activatedAt, i18n.language) })
          : t('directDebit.pendingSince', { at: formatDateTime(mandate.createdAt, i18n.language) })}
      </Text>
      <FormError error={cancel.error} />
      {confirming ? (
        <Group gap="xs">
          <Text size="sm">{t('directDebit.cancelQuestion')}</Text>
          <Button size="xs" color="red" loading={cancel.isPending} onClick={() => cancel.mutate(mandate.id)}>
            {t('directDebit.cancelConfirm')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
            {t('directDebit.cancelKeep')}
          </Button>
        </Group>
      ) : (
        <div>
          <Button size="xs" variant="default" onClick={() => setConfirming(true)}>
            {t('directDebit.cancel')}
          </Button>
        </div>
      )}
    </Stack>
  );
}

/** Each lease's payment agreement (pending/active), "Create payment agreement" where there is none. */
export function MandateOverview({ customerId, strongAuthPanel }: { customerId: string; strongAuthPanel: ReactNode }) {
  const { t } = useTranslation(['money', 'portal']);
  const { t: tp } = useTranslation();
  const overview = useMandateOverview(customerId);
  const [open, setOpen] = useState<string | null>(null);
  if (overview.isPending) return <PageLoader />;
  if (overview.isError) {
    if (overview.error instanceof ApiRequestError && overview.error.code === 'strong_auth_required') return strongAuthPanel;
    return (
      <Alert color="red" role="alert">
        {errorText(tp, overview.error)}
      </Alert>
    );
  }
  const { kind, leases } = overview.data;
  if (!leases.length) return <Text c="gray.7">{t('directDebit.noLeases')}</Text>;
  return (
    <Stack gap="md">
      <Text>{t(`directDebit.intro.${kind}`)}</Text>
      {leases.map(({ lease, mandate }) => (
        <Paper
          key={lease.id}
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-label={leaseLabel(tp, lease)}
          data-testid="mandate-lease"
        >
          <Stack gap="sm">
            <Title order={2} size="h4">
              {leaseLabel(tp, lease)}
            </Title>
            {mandate ? (
              <MandateState mandate={mandate} />
            ) : open === lease.id ? (
              <MandateForm leaseId={lease.id} kind={kind} onDone={() => setOpen(null)} />
            ) : (
              <Group gap="sm">
                <Text size="sm" c="gray.7">
                  {t('directDebit.none')}
                </Text>
                <Button onClick={() => setOpen(lease.id)}>{t(`directDebit.createButton.${kind}`)}</Button>
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
