import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { NOTICE_STATES } from '@portico/shared/contracts/content';
import type { NoticeSummary } from '@portico/shared/contracts/operational-info';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { useNotices } from '../api/notices';

export const STATE_COLOR = { planned: 'blue.9', current: 'red.9', resolved: 'teal.9' } as const;

const when = (n: Pick<NoticeSummary, 'startsAt' | 'endsAt'>, locale: string) => {
  const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return n.endsAt ? `${f.format(new Date(n.startsAt))} – ${f.format(new Date(n.endsAt))}` : f.format(new Date(n.startsAt));
};

export { when as noticeWhen };

/** The console's notices, newest start first, by state. */
export function NoticeList() {
  const { t, i18n } = useTranslation('ops');
  const [params, setParams] = useSearchParams();
  const [cursor, setCursor] = useCursorParam();
  const state = NOTICE_STATES.find((s) => s === params.get('state'));
  const notices = useNotices({ state, cursor, limit: 25 });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="end">
        <NativeSelect
          label={t('console.filter.state')}
          value={state ?? ''}
          data={[{ value: '', label: t('console.filter.all') }, ...NOTICE_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))]}
          onChange={(e) =>
            setParams((prev) => {
              const next = new URLSearchParams(prev);
              next.delete('cursor');
              if (e.currentTarget.value) next.set('state', e.currentTarget.value);
              else next.delete('state');
              return next;
            })
          }
        />
        <Button component={Link} to="/content/notices/new">
          {t('console.new')}
        </Button>
      </Group>
      <ErrorAlert error={notices.error} />
      {notices.isPending ? (
        <Loading />
      ) : notices.data?.items.length ? (
        <TableScroll label={t('console.title')} minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.col.title')}</Table.Th>
                <Table.Th>{t('console.col.kind')}</Table.Th>
                <Table.Th>{t('console.col.state')}</Table.Th>
                <Table.Th>{t('console.col.dates')}</Table.Th>
                <Table.Th>{t('console.col.properties')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {notices.data.items.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/content/notices/${n.id}`}>
                      {n.title}
                    </Anchor>
                    {n.urgent && (
                      <Badge ml="xs" color="gray.8" variant="filled" size="sm">
                        {t('urgent')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`kind.${n.kind}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLOR[n.state]} variant="filled">
                      {t(`state.${n.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{when(n, i18n.language)}</Table.Td>
                  <Table.Td>{n.allProperties ? t('console.allProperties') : n.properties.map((p) => p.name).join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : (
        <Text c="dimmed">{t('console.empty')}</Text>
      )}
      {notices.data && <CursorPager page={notices.data} onCursor={setCursor} />}
    </Stack>
  );
}
