import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PortalNotice } from '@portico/shared/contracts/content';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useOutletContext } from 'react-router';
import { useCases } from '@/features/cases/api/get-cases';
import { CaseStatusBadge } from '@/features/cases/components/case-status-badge';
import { useHomePosts } from '@/features/home/api/get-home-content';
import { useInvoices } from '@/features/invoices/api/get-invoices';
import { LandlordHome } from '@/features/landlord/components/landlord-home';
import { useUnreadCount } from '@/features/messages/api/get-unread-count';
import { useNotices } from '@/features/operational-info/api/get-notices';
import { errorText } from '@/lib/errors';
import { formatDate, formatDateTime, formatMoney } from '@/lib/format';
import { canSeeInvoices } from '@/lib/roles';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** How many rows each tile lists before "All …". */
const TILE_ROWS = 3;

/**
 * The tenant's Home (issue 12 §6, seeds 001/004): unread messages, open cases with their status, unpaid
 * notices with "Pay" (main administrators), current and planned operational notices, the latest news,
 * a "New case" button, and the landlord's useful links and support contacts. Each tile appears only for
 * the roles that may see it; a tile whose data cannot be loaded is left out rather than breaking Home.
 */
export function HomeRoute() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const { membership } = useOutletContext<PortalOutletContext>();
  if (!membership) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('home.title')}</Title>
      </Stack>
    );
  }
  const customerId = membership.customerId;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1}>{t('home.title')}</Title>
        <Button component={Link} to="/cases/new">
          {t('home.newCase')}
        </Button>
      </Group>
      <NoticesTile customerId={customerId} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <MessagesTile />
        <CasesTile customerId={customerId} />
        {canSeeInvoices(membership.role) && <InvoicesTile customerId={customerId} />}
        <NewsTile customerId={customerId} />
      </SimpleGrid>
      <LandlordHome key={customerId} customerId={customerId} />
    </Stack>
  );
}

function Tile({ id, title, children, more }: { id: string; title: string; children: ReactNode; more?: ReactNode }) {
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={id} data-tile={id}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
        {more}
      </Stack>
    </Paper>
  );
}

function MessagesTile() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const count = unread.data?.inbox ?? 0;
  return (
    <Tile
      id="home-messages"
      title={t('home.messages')}
      more={
        <Anchor component={Link} to="/messages">
          {t('home.openMessages')}
        </Anchor>
      }
    >
      {unread.isSuccess && <Text fw={count > 0 ? 700 : undefined}>{count > 0 ? t('home.unread', { count }) : t('home.noUnread')}</Text>}
    </Tile>
  );
}

function CasesTile({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const cases = useCases({ customerId, scope: 'current', sort: 'created_desc', limit: TILE_ROWS });
  return (
    <Tile
      id="home-cases"
      title={t('home.cases')}
      more={
        <Anchor component={Link} to="/cases">
          {t('home.allCases')}
        </Anchor>
      }
    >
      {cases.isSuccess &&
        (cases.data.items.length === 0 ? (
          <Text c="dimmed">{t('home.noCases')}</Text>
        ) : (
          <ul className="tile-list">
            {cases.data.items.map((c) => (
              <li key={c.id}>
                <Anchor component={Link} to={`/cases/${c.id}`}>
                  {c.title}
                </Anchor>{' '}
                <CaseStatusBadge status={c.status} />
              </li>
            ))}
          </ul>
        ))}
    </Tile>
  );
}

function InvoicesTile({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const invoices = useInvoices({ customerId, unpaidOnly: true, limit: TILE_ROWS });
  return (
    <Tile
      id="home-invoices"
      title={t('home.invoices')}
      more={
        <Anchor component={Link} to="/invoices">
          {t('home.allInvoices')}
        </Anchor>
      }
    >
      {/* e.g. the landlord wants BankID/MitID for invoices and this session used a password: say so. */}
      {invoices.isError && <Text c="dimmed">{errorText(t, invoices.error)}</Text>}
      {invoices.isSuccess &&
        (invoices.data.items.length === 0 ? (
          <Text c="dimmed">{t('home.noInvoices')}</Text>
        ) : (
          <ul className="tile-list">
            {invoices.data.items.map((invoice) => (
              <li key={invoice.id}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <div>
                    <Text fw={700}>{formatMoney(invoice.totalMinor, invoice.currency, i18n.language)}</Text>
                    <Text size="sm" c="dimmed">
                      {t('home.due', { date: formatDate(invoice.dueDate, i18n.language) })}
                    </Text>
                  </div>
                  <Button
                    component={Link}
                    to={`/invoices/${invoice.id}`}
                    size="xs"
                    aria-label={`${t('home.pay')} ${formatMoney(invoice.totalMinor, invoice.currency, i18n.language)}`}
                  >
                    {t('home.pay')}
                  </Button>
                </Group>
              </li>
            ))}
          </ul>
        ))}
    </Tile>
  );
}

/** Hidden when there is nothing current or planned, and when the call fails (the tile is optional). */
function NoticesTile({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const notices = useNotices(customerId);
  if (!notices.isSuccess) return null;
  const { current, planned } = notices.data;
  return (
    <Tile
      id="home-notices"
      title={t('home.notices')}
      more={
        <Anchor component={Link} to="/operational-info">
          {t('home.allNotices')}
        </Anchor>
      }
    >
      {current.length + planned.length === 0 ? (
        <Text c="dimmed">{t('home.noNotices')}</Text>
      ) : (
        <ul className="tile-list">
          {current.map((n) => (
            <NoticeRow key={n.id} notice={n} label={t('home.current')} color="red.9" />
          ))}
          {planned.map((n) => (
            <NoticeRow key={n.id} notice={n} label={t('home.planned')} color="blue.9" />
          ))}
        </ul>
      )}
    </Tile>
  );
}

function NoticeRow({ notice, label, color }: { notice: PortalNotice; label: string; color: string }) {
  const { i18n } = useTranslation();
  return (
    <li>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge color={color} variant="filled" size="sm">
          {label}
        </Badge>
        <div>
          <Text fw={notice.urgent ? 700 : 500}>{notice.title}</Text>
          <Text size="sm" c="dimmed">
            {formatDateTime(notice.startsAt, i18n.language)}
            {notice.endsAt ? ` – ${formatDateTime(notice.endsAt, i18n.language)}` : ''}
          </Text>
        </div>
      </Group>
    </li>
  );
}

/** Hidden when the call fails (the tile is optional). */
function NewsTile({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const posts = useHomePosts(customerId);
  if (posts.isError) return null;
  return (
    <Tile
      id="home-news"
      title={t('home.news')}
      more={
        <Anchor component={Link} to="/news">
          {t('home.allNews')}
        </Anchor>
      }
    >
      {posts.isSuccess &&
        (posts.data.items.length === 0 ? (
          <Text c="dimmed">{t('home.noNews')}</Text>
        ) : (
          <ul className="tile-list">
            {posts.data.items.map((post) => (
              <li key={post.id}>
                <Anchor component={Link} to={`/news/${post.id}`} fw={500}>
                  {post.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {formatDate(post.publishedAt.slice(0, 10), i18n.language)} · {post.excerpt}
                </Text>
              </li>
            ))}
          </ul>
        ))}
    </Tile>
  );
}
