import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { UNIT_TYPES, type Unit, UnitFieldsSchema } from '@portico/shared/contracts/properties';
import { formIssueKey } from '@portico/shared/form-issues';
import { ApiRequestError } from '@portico/shared/http';
import { type ReactNode, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { applyIssues, errorMessage } from '@/lib/errors';
import { maxLengthOf, useFieldError } from '@/lib/form';
import { useSaveUnit, useSetUnitArchived, useUnits } from '../api/units';
import { ConfirmButton } from './confirm-button';

const FormSchema = UnitFieldsSchema.omit({ externalId: true, propertyId: true });
type FormValues = z.input<typeof FormSchema>;
const { shape } = FormSchema;
const numberTaken = (error: unknown) => error instanceof ApiRequestError && error.code === 'unit_number_taken';
const numberOrNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));
const textOrNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

function UnitForm({ propertyId, unit, onDone }: { propertyId: string; unit?: Unit; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveUnit();
  const form = useForm<FormValues>({
    resolver: zodResolver(FormSchema, { error: formIssueKey }),
    defaultValues: {
      number: unit?.number ?? '',
      type: unit?.type ?? 'apartment',
      address: unit?.address ?? '',
      areaM2: unit?.areaM2 ?? null,
      floor: unit?.floor ?? null,
    },
  });
  const fieldError = useFieldError(shape, form.formState.errors);
  return (
    <Paper withBorder p="sm">
      <form
        noValidate
        aria-label={unit ? t('properties.unit.editTitle', { number: unit.number }) : t('properties.unit.addTitle')}
        onSubmit={form.handleSubmit((values) =>
          save.mutate(
            { ...(unit ? { unitId: unit.id } : {}), body: { ...(values as z.output<typeof FormSchema>), propertyId } },
            {
              onSuccess: onDone,
              onError: (error) => {
                applyIssues(error, form.setError, ['number', 'type', 'address', 'areaM2', 'floor']);
                if (numberTaken(error)) form.setError('number', { type: 'server', message: errorMessage(t, error) });
              },
            },
          ),
        )}
      >
        <Stack>
          {!numberTaken(save.error) && <ErrorAlert error={save.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('properties.unit.number')}
              required
              maxLength={maxLengthOf(shape.number)}
              error={fieldError('number')}
              {...form.register('number')}
            />
            <NativeSelect
              label={t('properties.unit.type')}
              data={UNIT_TYPES.map((type) => ({ value: type, label: t(`properties.unitType.${type}`) }))}
              {...form.register('type')}
            />
            <TextInput
              label={t('properties.unit.address')}
              required
              maxLength={maxLengthOf(shape.address)}
              error={fieldError('address')}
              {...form.register('address')}
            />
            <TextInput
              label={t('properties.unit.areaM2')}
              inputMode="decimal"
              error={fieldError('areaM2')}
              {...form.register('areaM2', { setValueAs: numberOrNull })}
            />
            <TextInput
              label={t('properties.unit.floor')}
              maxLength={maxLengthOf(shape.floor)}
              error={fieldError('floor')}
              {...form.register('floor', { setValueAs: textOrNull })}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {unit ? t('properties.save') : t('properties.unit.add')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('properties.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A property's units (number order, keyset pages) with add, edit, archive and restore for managers. */
export function PropertyUnits({
  propertyId,
  canEdit,
  propertyArchived,
  unitHistory,
}: {
  propertyId: string;
  canEdit: boolean;
  propertyArchived: boolean;
  /** The unit's change history, shown under its edit form (composed by the route: features do not import each other). */
  unitHistory?: (unitId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const [cursor, setCursor] = useState<string | undefined>();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const units = useUnits({ propertyId, archived: showArchived ? 'all' : 'false', cursor, limit: 25 });
  const archive = useSetUnitArchived();
  const editable = canEdit && !propertyArchived;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Switch
          label={t('properties.unit.showArchived')}
          checked={showArchived}
          onChange={(event) => {
            setShowArchived(event.currentTarget.checked);
            setCursor(undefined);
          }}
        />
        {editable && editing === null && <Button onClick={() => setEditing('new')}>{t('properties.unit.add')}</Button>}
      </Group>
      {editing === 'new' && <UnitForm propertyId={propertyId} onDone={() => setEditing(null)} />}
      <ErrorAlert error={archive.error} />
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorAlert error={units.error} />
      ) : units.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('properties.unit.none')}
        </Text>
      ) : (
        <>
          <TableScroll label={t('properties.units')} minWidth={640}>
            <Table striped>
              <Table.Caption className="visually-hidden">{t('properties.units')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('properties.unit.number')}</Table.Th>
                  <Table.Th scope="col">{t('properties.unit.type')}</Table.Th>
                  <Table.Th scope="col">{t('properties.unit.address')}</Table.Th>
                  <Table.Th scope="col">{t('properties.unit.areaM2')}</Table.Th>
                  <Table.Th scope="col">{t('properties.unit.floor')}</Table.Th>
                  {editable && <Table.Th scope="col">{t('properties.unit.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {units.data.items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Th scope="row">
                      {u.number}{' '}
                      {u.archivedAt && (
                        <Badge variant="outline" color="gray.8" size="xs">
                          {t('properties.archived')}
                        </Badge>
                      )}
                    </Table.Th>
                    <Table.Td>{t(`properties.unitType.${u.type}`)}</Table.Td>
                    <Table.Td>{u.address}</Table.Td>
                    <Table.Td>{u.areaM2 ?? '–'}</Table.Td>
                    <Table.Td>{u.floor ?? '–'}</Table.Td>
                    {editable && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {!u.archivedAt && (
                            <Button
                              variant="default"
                              size="xs"
                              onClick={() => setEditing(u)}
                              aria-label={t('properties.unit.editTitle', { number: u.number })}
                            >
                              {t('properties.edit')}
                            </Button>
                          )}
                          {u.archivedAt ? (
                            <Button variant="default" size="xs" onClick={() => archive.mutate({ unitId: u.id, archived: false })}>
                              {t('properties.restore')}
                            </Button>
                          ) : (
                            <ConfirmButton
                              size="xs"
                              label={t('properties.archive')}
                              question={t('properties.unit.archiveQuestion', { number: u.number })}
                              confirmLabel={t('properties.archive')}
                              loading={archive.isPending}
                              onConfirm={() => archive.mutate({ unitId: u.id, archived: true })}
                            />
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <CursorPager page={units.data} onCursor={setCursor} />
        </>
      )}
      {editing !== null && editing !== 'new' && (
        <Stack key={editing.id} gap="sm">
          <UnitForm propertyId={propertyId} unit={editing} onDone={() => setEditing(null)} />
          {unitHistory?.(editing.id)}
        </Stack>
      )}
    </Stack>
  );
}
