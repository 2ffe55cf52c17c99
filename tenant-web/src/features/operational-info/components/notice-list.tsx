import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { useNotices } from '../api/get-notices';
import { NoticeCard } from './notice-card';

/** The "Operational info" page's body: current notices first, then planned work. */
export function NoticeList({ customerId }: { customerId: string }) {
  const { t } = useTranslation('ops');
  const notices = useNotices(customerId);
  if (notices.isPending) return <PageLoader />;
  if (notices.isError) return <Alert color="red">{notices.error.message}</Alert>;
  const { current, planned } = notices.data;
  return (
    <Stack gap="lg">
      <Stack gap="sm" component="section" aria-labelledby="ops-current">
        <Title order={2} id="ops-current">
          {t('current')}
        </Title>
        {current.length === 0 ? <Text c="dimmed">{t('noCurrent')}</Text> : current.map((n) => <NoticeCard key={n.id} notice={n} />)}
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="ops-planned">
        <Title order={2} id="ops-planned">
          {t('planned')}
        </Title>
        {planned.length === 0 ? <Text c="dimmed">{t('noPlanned')}</Text> : planned.map((n) => <NoticeCard key={n.id} notice={n} />)}
      </Stack>
    </Stack>
  );
}
