import { Anchor, Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type StaffRole, StaffRoleSchema } from '@portico/shared/contracts/auth';
import { StaffListQuerySchema, type StaffStatus, StaffStatusSchema, type StaffUser } from '@portico/shared/contracts/staff';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { maxLengthOf } from '@/lib/form';
import { useStaffUsers } from '../api/get-staff-users';

export const STAFF_PAGE_SIZE = 25;

export type StaffFilters = { q: string; role: StaffRole | ''; status: StaffStatus | '' };

export const statusColour: Record<StaffStatus, string> = { active: 'green.9', invited: 'blue.9', deactivated: 'gray.8' };

function StaffRow({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/staff/${user.id}`} fw={600}>
          {user.name}
        </Anchor>
        <Group gap="xs">
          <Badge variant="outline" color="gray.8" size="sm">
            {t(`staff.roles.${user.role}`)}
          </Badge>
          <Badge variant="light" color={statusColour[user.status]} size="sm">
            {t(`staff.states.${user.status}`)}
          </Badge>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {user.email}
      </Text>
    </Paper>
  );
}

/** The staff list: search, role and state filters (kept in the URL by the route), keyset pages. */
export function StaffList({ filters, onFilters }: { filters: StaffFilters; onFilters: (next: StaffFilters) => void }) {
  const { t, i18n } = useTranslation();
  const [cursor, setCursor] = useCursorParam();
  const [input, setInput] = useState(filters.q);
  const [debounced] = useDebouncedValue(input, 300);
  useEffect(() => {
    if (debounced.trim() !== filters.q) onFilters({ ...filters, q: debounced.trim() });
  }, [debounced, filters, onFilters]);

  const staff = useStaffUsers({
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    cursor,
    limit: STAFF_PAGE_SIZE,
  });

  return (
    <Stack>
      <search>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('staff.search')}
            description={t('staff.searchHint')}
            type="search"
            value={input}
            maxLength={maxLengthOf(StaffListQuerySchema.shape.q)}
            onChange={(event) => setInput(event.currentTarget.value)}
          />
          <NativeSelect
            label={t('staff.role')}
            value={filters.role}
            onChange={(event) => onFilters({ ...filters, role: event.currentTarget.value as StaffRole | '' })}
            data={[
              { value: '', label: t('staff.anyRole') },
              ...StaffRoleSchema.options.map((r) => ({ value: r, label: t(`staff.roles.${r}`) })),
            ]}
          />
          <NativeSelect
            label={t('staff.status')}
            value={filters.status}
            onChange={(event) => onFilters({ ...filters, status: event.currentTarget.value as StaffStatus | '' })}
            data={[
              { value: '', label: t('staff.anyStatus') },
              ...StaffStatusSchema.options.map((s) => ({ value: s, label: t(`staff.states.${s}`) })),
            ]}
          />
        </SimpleGrid>
      </search>
      {staff.isPending ? (
        <Loading />
      ) : staff.isError ? (
        <ErrorAlert error={staff.error} />
      ) : staff.data.items.length === 0 ? (
        <Text c="dimmed" role="status">
          {t('staff.empty')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {staff.data.totalCapped
              ? t('staff.countCapped', { total: new Intl.NumberFormat(i18n.language).format(staff.data.total) })
              : t('staff.count', { count: staff.data.total })}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {staff.data.items.map((user) => (
              <StaffRow key={user.id} user={user} />
            ))}
          </Stack>
          <CursorPager page={staff.data} onCursor={setCursor} />
        </>
      )}
    </Stack>
  );
}
