import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { PageLoader } from '@/components/page-loader';
import { errorText } from '@/lib/errors';
import { useConfirmEidLink } from '../api/confirm-eid-link';
import { usePendingEidLink } from '../api/get-pending-eid-link';

const METHOD_NAME = { 'se-bankid': 'BankID', 'dk-mitid': 'MitID' } as const;

/** After the broker: show who the e-ID says this is, and link it to the account only when the user agrees. */
export function EidLinkConfirm({ requestId, onDone }: { requestId: string; onDone: (linked: boolean) => void }) {
  const { t } = useTranslation();
  const pending = usePendingEidLink(requestId);
  const confirm = useConfirmEidLink();

  if (pending.isPending) return <PageLoader />;
  if (pending.isError) {
    return (
      <Stack gap="sm">
        <Alert color="red" role="alert">
          {errorText(t, pending.error)}
        </Alert>
        <div>
          <Button variant="default" onClick={() => onDone(false)}>
            {t('eidLink.back')}
          </Button>
        </div>
      </Stack>
    );
  }

  const link = pending.data;
  return (
    <Stack gap="md">
      <Text>{t('eidLink.intro')}</Text>
      <Paper withBorder p="md" radius="md">
        <dl className="facts">
          <dt>{t('eidLink.method')}</dt>
          <dd>{METHOD_NAME[link.method]}</dd>
          <dt>{t('eidLink.name')}</dt>
          <dd>{link.name}</dd>
          <dt>{t('eidLink.identityNumber')}</dt>
          <dd>{link.identityNumber}</dd>
        </dl>
      </Paper>
      <FormError error={confirm.error} />
      <Group gap="sm">
        <Button loading={confirm.isPending} onClick={() => confirm.mutate({ requestId }, { onSuccess: () => onDone(true) })}>
          {t('eidLink.confirm')}
        </Button>
        <Button variant="default" onClick={() => onDone(false)}>
          {t('eidLink.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
