import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Fieldset, FileInput, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DOCUMENT_CATEGORIES } from '@portico/shared/contracts/content';
import type { CustomerSummary } from '@portico/shared/contracts/customers';
import { DOCUMENT_SCOPES, DocumentCreateSchema, type DocumentScope } from '@portico/shared/contracts/documents';
import { MAX_UPLOAD_BYTES } from '@portico/shared/contracts/messaging';
import { formIssueKey } from '@portico/shared/form-issues';
import { type ReactNode, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { maxLengthOf, useFieldError } from '@/lib/form';
import { uploadAttachment } from '@/lib/upload-attachment';
import { useCreateDocument } from '../api/documents';

/** The fields a person types, as the contract has them; the target and the file are picked beside them. */
const DocumentFormSchema = DocumentCreateSchema.pick({ title: true, category: true });
type DocumentForm = { title: string; category: (typeof DOCUMENT_CATEGORIES)[number] };

/**
 * Upload a document for a customer, one of its leases or a property. The customer picker is the
 * console's own (passed in by the route, so features stay apart); the lease is one of the chosen
 * customer's; the property one of the landlord's.
 */
export function DocumentForm({
  renderCustomerPicker,
  properties,
  onDone,
}: {
  renderCustomerPicker: (value: CustomerSummary | null, onChange: (c: CustomerSummary | null) => void) => ReactNode;
  properties: { id: string; name: string }[];
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('documents');
  const create = useCreateDocument();
  const [scope, setScope] = useState<DocumentScope>('customer');
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [leaseId, setLeaseId] = useState('');
  const [propertyId, setPropertyId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<DocumentForm>({
    resolver: zodResolver(DocumentFormSchema, { error: formIssueKey }),
    defaultValues: { title: '', category: 'other' },
  });
  const fieldError = useFieldError(DocumentFormSchema.shape, form.formState.errors);
  const targetId = scope === 'customer' ? customer?.id : scope === 'lease' ? leaseId : propertyId;

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(async (values) => {
        setProblem(null);
        setFailure(null);
        if (!targetId) return setProblem(t('console.chooseTarget'));
        if (!file) return setProblem(t('console.chooseFile'));
        if (file.size > MAX_UPLOAD_BYTES) return setProblem(t('errors:upload_too_large', { maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 }));
        setBusy(true);
        try {
          const upload = await uploadAttachment(file);
          await create.mutateAsync({ scope, targetId, attachmentId: upload.id, ...values });
          form.reset();
          setFile(null);
          onDone(scope === 'property' ? t('console.savedProperty') : t('console.saved'));
        } catch (error) {
          setFailure(error);
        } finally {
          setBusy(false);
        }
      })}
    >
      <Fieldset legend={t('console.upload')}>
        <Stack>
          <ErrorAlert error={failure} />
          {problem ? (
            <Text c="red.9" role="alert">
              {problem}
            </Text>
          ) : null}
          <Radio.Group label={t('console.scope')} value={scope} onChange={(v) => setScope(v as DocumentScope)}>
            <Group mt={4} gap="md">
              {DOCUMENT_SCOPES.map((s) => (
                <Radio key={s} value={s} label={t(`scope.${s}`)} />
              ))}
            </Group>
          </Radio.Group>
          {scope !== 'property'
            ? renderCustomerPicker(customer, (c) => {
                setCustomer(c);
                setLeaseId('');
              })
            : null}
          {scope === 'lease' ? (
            <NativeSelect
              label={t('console.lease')}
              required
              disabled={!customer}
              value={leaseId}
              onChange={(e) => setLeaseId(e.currentTarget.value)}
              data={[
                { value: '', label: '–' },
                ...(customer?.leases ?? []).map((l) => ({ value: l.id, label: `${l.number} · ${l.address}` })),
              ]}
            />
          ) : null}
          {scope === 'property' ? (
            <NativeSelect
              label={t('console.property')}
              required
              value={propertyId}
              onChange={(e) => setPropertyId(e.currentTarget.value)}
              data={[{ value: '', label: '–' }, ...properties.map((p) => ({ value: p.id, label: p.name }))]}
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('console.docTitle')}
              required
              maxLength={maxLengthOf(DocumentFormSchema.shape.title)}
              error={fieldError('title')}
              {...form.register('title')}
            />
            <NativeSelect
              label={t('console.category')}
              data={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
              {...form.register('category')}
            />
          </SimpleGrid>
          <FileInput label={t('console.file')} required value={file} onChange={setFile} clearable />
          <Group>
            <Button type="submit" loading={busy}>
              {t('console.save')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
