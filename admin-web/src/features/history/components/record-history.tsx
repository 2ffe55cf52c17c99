import { Button, Collapse, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { HistoryEntry, RecordType } from '@portico/shared/contracts/records';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager } from '@/components/pager';
import { formatDate, formatDateTime, intlLocale } from '@/lib/i18n';
import { useHistory } from '../api/get-history';

type T = ReturnType<typeof useTranslation>['t'];

/**
 * Where the console already names a field's values (enums): the history shows "Bolig", not
 * "residential". Keyed by record type and field; values without a label are shown as stored.
 */
const VALUE_LABELS: Partial<Record<RecordType, Record<string, string>>> = {
  lease: { type: 'leases.type', status: 'leases.status' },
  unit: { type: 'properties.unitType' },
  customer: { kind: 'customers.kind' },
  staff_user: { role: 'staff.roles', status: 'staff.states' },
};

const money = (minor: number) =>
  new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);

/** One stored value as a person reads it: labels for enums, dates in the user's format, rent lines as "Husleje 14 500,00". */
function shown(t: T, recordType: RecordType, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const prefix = VALUE_LABELS[recordType]?.[field];
    if (prefix && /^[a-z_]+$/.test(value)) return t(`${prefix}.${value}`, { defaultValue: value });
    if (/^\d{4}-\d\d-\d\d$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d\d-\d\dT/.test(value)) return formatDateTime(value);
    return value;
  }
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (item && typeof item === 'object' && 'kind' in item && 'amountMinor' in item) {
          const line = item as { kind: string; amountMinor: number; vatRate?: number; description?: string };
          const label = [t(`leases.kind.${line.kind}`, { defaultValue: line.kind }), line.description].filter(Boolean).join(' ');
          return `${label} ${money(line.amountMinor)}${line.vatRate ? ` (${t('history.vat', { rate: line.vatRate })})` : ''}`;
        }
        return shown(t, recordType, field, item);
      })
      .join('; ');
  }
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => `${key}: ${shown(t, recordType, key, inner)}`)
    .join(', ');
}

function Entry({ entry, recordType }: { entry: HistoryEntry; recordType: RecordType }) {
  const { t } = useTranslation();
  const fields = Object.entries(entry.changes);
  const actor = entry.actor.kind === 'staff' ? entry.actor.name : t(`history.actor.${entry.actor.kind}`, { name: entry.actor.name });
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Text size="sm" fw={600}>
        {t(`history.action.${entry.action}`)} · {actor}
      </Text>
      <Text size="xs" c="dimmed">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </Text>
      {fields.length > 0 && (
        <List size="sm" mt={4} spacing={2}>
          {fields.map(([field, change]) => (
            <List.Item key={field} style={{ overflowWrap: 'anywhere' }}>
              {t('history.change', {
                field: t(`history.fields.${recordType}.${field}`, { defaultValue: field }),
                from: shown(t, recordType, field, change.from),
                to: shown(t, recordType, field, change.to),
              })}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

/**
 * "Who changed what, when" under a record's details (issue 9). Folded by default and loaded when
 * opened: most visits to a record never look at its history.
 */
export function RecordHistory({ recordType, recordId }: { recordType: RecordType; recordId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [cursor, setCursor] = useState<string | undefined>();
  const history = useHistory(recordType, recordId, cursor, open);
  const panelId = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={`${panelId}-title`}>
      <Title order={2} size="h4" id={`${panelId}-title`}>
        {t('history.title')}
      </Title>
      <Button variant="default" w="fit-content" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {open ? t('history.hide') : t('history.show')}
      </Button>
      <Collapse expanded={open} id={panelId}>
        {history.isPending && open ? (
          <Loading />
        ) : history.isError ? (
          <ErrorAlert error={history.error} />
        ) : history.data ? (
          <>
            <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
              {history.data.items.map((entry) => (
                <Entry key={entry.id} entry={entry} recordType={recordType} />
              ))}
            </Stack>
            <CursorPager page={history.data} onCursor={setCursor} />
          </>
        ) : null}
      </Collapse>
    </Stack>
  );
}
