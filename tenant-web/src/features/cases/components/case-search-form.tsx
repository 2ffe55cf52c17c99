import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CASE_STATUSES, CaseListQuerySchema, CaseSortSchema, CaseStatusSchema } from '@portico/shared/contracts/cases';
import { formIssueKey } from '@portico/shared/form-issues';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { blankAsMissing } from '@/lib/form';
import { CASE_SCOPES, type CaseFilters, DEFAULT_SCOPE, DEFAULT_SORT, TEXT_FILTERS, type TextFilter } from '../utils/case-filters';

/**
 * The list query's own fields. Inputs left empty give '', which the query means as "not given"; the
 * form picks one status where the query takes one or several.
 */
const SearchSchema = CaseListQuerySchema.pick({
  scope: true,
  street: true,
  objectNumber: true,
  invoiceMarking: true,
  agreementNumber: true,
  q: true,
  sort: true,
})
  .extend({
    status: blankAsMissing(CaseStatusSchema.optional()),
    from: blankAsMissing(CaseListQuerySchema.shape.from),
    to: blankAsMissing(CaseListQuerySchema.shape.to),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'cases.search.dateOrder', path: ['to'] });
type SearchValues = z.input<typeof SearchSchema>;
type SearchResult = z.output<typeof SearchSchema>;

const TEXT_LABEL: Record<TextFilter, string> = {
  street: 'cases.search.street',
  objectNumber: 'cases.search.objectNumber',
  invoiceMarking: 'cases.search.invoiceMarking',
  agreementNumber: 'cases.search.agreementNumber',
  q: 'cases.search.q',
};

function toValues(filters: CaseFilters): SearchValues {
  return {
    status: filters.status ?? '',
    scope: filters.scope,
    from: filters.from ?? '',
    to: filters.to ?? '',
    street: filters.street ?? '',
    objectNumber: filters.objectNumber ?? '',
    invoiceMarking: filters.invoiceMarking ?? '',
    agreementNumber: filters.agreementNumber ?? '',
    q: filters.q ?? '',
    sort: filters.sort,
  };
}

const EMPTY: SearchValues = toValues({ scope: DEFAULT_SCOPE, sort: DEFAULT_SORT });

/**
 * Seed 003 "Sök ärende": status, current/historical, a date range and the fields a landlord's staff
 * search by. Searching writes the filters to the URL; the drill-down filters (month, property, type)
 * are kept by the caller.
 */
export function CaseSearchForm({
  value,
  onSearch,
  onClear,
}: {
  value: CaseFilters;
  onSearch: (next: Partial<CaseFilters>) => void;
  /** Back to the defaults, drill-down filters included. */
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(SearchSchema, { error: formIssueKey }), defaultValues: toValues(value) });
  const { errors } = form.formState;
  const fieldError = (field: keyof SearchValues) => {
    const message = errors[field]?.message;
    return message ? t(message) : undefined;
  };

  const search = (values: SearchResult) => {
    const orUndefined = (s: string | undefined) => s || undefined;
    onSearch({
      status: values.status,
      scope: values.scope,
      from: orUndefined(values.from),
      to: orUndefined(values.to),
      street: orUndefined(values.street),
      objectNumber: orUndefined(values.objectNumber),
      invoiceMarking: orUndefined(values.invoiceMarking),
      agreementNumber: orUndefined(values.agreementNumber),
      q: orUndefined(values.q),
      sort: values.sort,
    });
  };

  const submit = form.handleSubmit(search);
  const clear = () => {
    form.reset(EMPTY);
    onClear();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Controller
          control={form.control}
          name="scope"
          render={({ field }) => (
            <Radio.Group label={t('cases.search.scope')} value={field.value} onChange={field.onChange} name={field.name}>
              <Group gap="md" mt={4}>
                {CASE_SCOPES.map((scope) => (
                  <Radio key={scope} value={scope} label={t(`cases.scope.${scope}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="sm">
          <NativeSelect
            label={t('cases.search.status')}
            data={[
              { value: '', label: t('cases.search.allStatuses') },
              ...CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) })),
            ]}
            error={fieldError('status')}
            {...form.register('status')}
          />
          <TextInput type="date" label={t('cases.search.from')} error={fieldError('from')} {...form.register('from')} />
          <TextInput type="date" label={t('cases.search.to')} error={fieldError('to')} {...form.register('to')} />
          {TEXT_FILTERS.map((name) => (
            <TextInput
              key={name}
              label={t(TEXT_LABEL[name])}
              type={name === 'q' ? 'search' : 'text'}
              error={fieldError(name)}
              {...form.register(name)}
            />
          ))}
          <NativeSelect
            label={t('cases.search.sort')}
            data={CaseSortSchema.options.map((s) => ({ value: s, label: t(`cases.sort.${s}`) }))}
            {...form.register('sort')}
          />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit">{t('cases.search.submit')}</Button>
          <Button type="button" variant="default" onClick={clear}>
            {t('cases.search.clear')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
