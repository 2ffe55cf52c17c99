import { Alert, Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { CursorPager } from '@/components/pager';
import { errorText } from '@/lib/errors';
import { formatListDate } from '@/lib/format';
import { useCases } from '../api/get-cases';
import type { CaseListParams } from '../api/keys';
import { CaseStatusBadge } from './case-status-badge';

export const CASE_PAGE_SIZE = 25;

function Missing() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('cases.none')}</span>
    </>
  );
}

/** Seed 003's result list: each row leads to the case (its dialog, actions and files). */
export function CaseTable({ params, onCursor }: { params: Omit<CaseListParams, 'limit'>; onCursor: (cursor: string | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const cases = useCases({ ...params, limit: CASE_PAGE_SIZE });
  const locale = i18n.language;

  if (cases.isPending) return <PageLoader />;
  if (cases.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(t, cases.error)}
      </Alert>
    );
  }

  const { items, total, totalCapped } = cases.data;

  return (
    <>
      <Text size="sm" role="status" c="gray.7">
        {!total ? t('cases.empty') : totalCapped ? t('cases.foundCapped', { count: total }) : t('cases.found', { count: total })}
      </Text>
      {items.length > 0 && (
        // Scrolls sideways on a phone; focusable so the keyboard can scroll it too.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-scroll" tabIndex={0} aria-label={t('cases.tableLabel')}>
          <Table striped highlightOnHover miw={880} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.col.number')}</Table.Th>
                <Table.Th scope="col">{t('cases.col.title')}</Table.Th>
                <Table.Th scope="col">{t('cases.col.status')}</Table.Th>
                <Table.Th scope="col">{t('cases.col.street')}</Table.Th>
                <Table.Th scope="col">{t('cases.col.object')}</Table.Th>
                <Table.Th scope="col">{t('cases.col.assignee')}</Table.Th>
                <Table.Th scope="col">{t('cases.col.created')}</Table.Th>
                <Table.Th scope="col">{t('cases.col.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                    {c.number}
                  </Table.Th>
                  <Table.Td className="break-anywhere">
                    <Anchor component={Link} to={`/cases/${c.id}`} fw={600}>
                      {c.title}
                    </Anchor>
                    {c.type === 'information' && (
                      <Badge ml="xs" size="xs" variant="light" color="blue" c="gray.9">
                        {t('cases.type.information')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <CaseStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td className="break-anywhere">{c.street ?? <Missing />}</Table.Td>
                  <Table.Td>{c.object?.number ?? <Missing />}</Table.Td>
                  <Table.Td>{c.assignee?.name ?? <Missing />}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={c.createdAt}>{formatListDate(c.createdAt, locale)}</time>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={c.updatedAt}>{formatListDate(c.updatedAt, locale)}</time>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
      <CursorPager label={t('cases.pagination')} page={cases.data} onCursor={onCursor} />
    </>
  );
}
