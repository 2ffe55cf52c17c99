import { Button, Collapse, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { HistoryEntry, RecordType } from '@portico/shared/contracts/records';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager } from '@/components/pager';
import { formatDateTime } from '@/lib/i18n';
import { useHistory } from '../api/get-history';

/** A value as the history shows it: empty as a dash, lists and objects as compact JSON. */
function shown(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return String(value);
  return JSON.stringify(value);
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
                from: shown(change.from, '—'),
                to: shown(change.to, '—'),
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
