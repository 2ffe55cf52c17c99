import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { EquipmentObjectBodySchema } from '@portico/shared/contracts/cases';
import { formIssueKey } from '@portico/shared/form-issues';
import { ApiRequestError } from '@portico/shared/http';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { TableScroll } from '@/components/table-scroll';
import { applyIssues } from '@/lib/errors';
import { blankAsNone, maxLengthOf, useFieldError } from '@/lib/form';
import { useCreateObject } from '../api/create-object';
import { useObjects } from '../api/get-objects';
import { useProperties } from '../api/get-properties';

function ObjectTable() {
  const { t } = useTranslation();
  const objects = useObjects();
  const properties = useProperties();
  const propertyName = (id: string | null) => (id ? (properties.data?.items.find((p) => p.id === id)?.name ?? '–') : '–');

  if (objects.isPending) return <Loading />;
  if (objects.isError) return <ErrorAlert error={objects.error} />;
  const items = objects.data.items;
  if (items.length === 0) return <Text c="dimmed">{t('objects.empty')}</Text>;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t('objects.count', { count: items.length })}
      </Text>
      <TableScroll label={t('objects.tableCaption')} minWidth={640}>
        <Table striped>
          <Table.Caption className="visually-hidden">{t('objects.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('objects.number')}</Table.Th>
              <Table.Th scope="col">{t('objects.type')}</Table.Th>
              <Table.Th scope="col">{t('objects.make')}</Table.Th>
              <Table.Th scope="col">{t('objects.model')}</Table.Th>
              <Table.Th scope="col">{t('objects.location')}</Table.Th>
              <Table.Th scope="col">{t('cases.property')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Th scope="row" fw={600}>
                  {o.number}
                </Table.Th>
                <Table.Td>{o.type}</Table.Td>
                <Table.Td>{o.make ?? '–'}</Table.Td>
                <Table.Td>{o.model ?? '–'}</Table.Td>
                <Table.Td>{o.location ?? '–'}</Table.Td>
                <Table.Td>{propertyName(o.propertyId)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </>
  );
}

/** The contract's fields this form edits (an object is placed in a property, not a unit, here). */
const FormSchema = EquipmentObjectBodySchema.pick({
  number: true,
  type: true,
  make: true,
  model: true,
  location: true,
  propertyId: true,
});
const { shape } = FormSchema;

function AddObjectForm() {
  const { t } = useTranslation();
  const create = useCreateObject();
  const properties = useProperties();
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(FormSchema, { error: formIssueKey }),
    // The empty property option means none (blankAsNone), as the contract's optional id expects.
    defaultValues: { number: '', type: '', make: '', model: '', location: '', propertyId: undefined },
  });
  const { isDirty } = form.formState;
  const fieldError = useFieldError(shape, form.formState.errors);
  const conflict = create.error instanceof ApiRequestError && create.error.status === 409;

  return (
    <form
      noValidate
      aria-labelledby="add-object-heading"
      onSubmit={form.handleSubmit((values) => {
        setAdded(null);
        create.mutate(
          {
            number: values.number,
            type: values.type,
            make: values.make || undefined,
            model: values.model || undefined,
            location: values.location || undefined,
            propertyId: values.propertyId,
          },
          {
            onSuccess: (object) => {
              form.reset();
              setAdded(object.number);
            },
            onError: (error) => {
              if (error instanceof ApiRequestError && error.status === 409) {
                form.setError('number', { type: 'server', message: t('objects.numberTaken') }, { shouldFocus: true });
                return;
              }
              applyIssues(error, form.setError, ['number', 'type', 'make', 'model', 'location', 'propertyId']);
            },
          },
        );
      })}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="add-object-heading">
          {t('objects.addHeading')}
        </Title>
        {!conflict && <ErrorAlert error={create.error} />}
        <div aria-live="polite">
          {added && !isDirty && (
            <Alert color="green" variant="light">
              {t('objects.added', { number: added })}
            </Alert>
          )}
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <TextInput
            label={t('objects.number')}
            description={t('objects.numberHint')}
            required
            maxLength={maxLengthOf(shape.number)}
            autoComplete="off"
            error={fieldError('number')}
            {...form.register('number')}
          />
          <TextInput
            label={t('objects.type')}
            description={t('objects.typeHint')}
            required
            maxLength={maxLengthOf(shape.type)}
            error={fieldError('type')}
            {...form.register('type')}
          />
          <TextInput label={t('objects.make')} maxLength={maxLengthOf(shape.make)} error={fieldError('make')} {...form.register('make')} />
          <TextInput
            label={t('objects.model')}
            maxLength={maxLengthOf(shape.model)}
            error={fieldError('model')}
            {...form.register('model')}
          />
          <TextInput
            label={t('objects.location')}
            maxLength={maxLengthOf(shape.location)}
            error={fieldError('location')}
            {...form.register('location')}
          />
          <NativeSelect
            label={t('cases.property')}
            error={fieldError('propertyId')}
            data={[
              { value: '', label: t('objects.noProperty') },
              ...(properties.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
            {...form.register('propertyId', { setValueAs: blankAsNone })}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('objects.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Seed 003's equipment register: every machine has an object number on a label. */
export function ObjectRegister() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <section aria-labelledby="objects-list-heading">
        <Title order={2} size="h4" id="objects-list-heading" mb="xs">
          {t('objects.listHeading')}
        </Title>
        <ObjectTable />
      </section>
      <Paper withBorder p="md" radius="sm">
        <AddObjectForm />
      </Paper>
    </Stack>
  );
}
