import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Fieldset, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type ApiKeyCreated, ApiKeyCreateSchema } from '@portico/shared/contracts/api-keys';
import { API_AREAS, type ApiArea, type ApiScope } from '@portico/shared/contracts/api-scopes';
import { formIssueKey } from '@portico/shared/form-issues';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { SecretOnce } from '@/components/secret-once';
import { applyIssues } from '@/lib/errors';
import { blankOr, maxLengthOf, useFieldError } from '@/lib/form';
import { useCreateApiKey } from '../api/change-api-key';

const { shape } = ApiKeyCreateSchema;
const AccessSchema = z.enum(['', 'read', 'write']);

/**
 * The form's own shape, derived from the contract: the name as the contract has it, one select per
 * area (none / read / read and write) that becomes `scopes`, and an optional expiry date.
 */
const ApiKeyFormSchema = z.object({
  name: shape.name,
  areas: z
    .object(Object.fromEntries(API_AREAS.map((area) => [area, AccessSchema])) as Record<ApiArea, typeof AccessSchema>)
    .refine((areas) => Object.values(areas).some(Boolean), { message: 'integrations:form.scopesRequired' }),
  expiresOn: blankOr(z.iso.date()),
});
type ApiKeyForm = z.infer<typeof ApiKeyFormSchema>;

const noAccess = Object.fromEntries(API_AREAS.map((area) => [area, ''])) as ApiKeyForm['areas'];

/** The contract's body from the form: the chosen scopes, and the expiry at the end of the chosen day (local time). */
function toBody(values: ApiKeyForm) {
  const scopes = API_AREAS.flatMap((area) => (values.areas[area] ? [`${area}:${values.areas[area]}` as ApiScope] : []));
  const expiresAt = values.expiresOn ? new Date(`${values.expiresOn}T23:59:59`).toISOString() : null;
  return { name: values.name, scopes, expiresAt };
}

/** The secret, shown once with a copy button and a warning; dismissed by the admin. */
function NewSecret({ created, onDone }: { created: ApiKeyCreated; onDone: () => void }) {
  const { t } = useTranslation(['integrations']);
  return (
    <SecretOnce
      secret={created.secret}
      title={t('created.title')}
      warning={t('created.warning')}
      label={t('created.label')}
      copy={t('created.copy')}
      copied={t('created.copied')}
      testId="api-key-secret"
      done={{ label: t('created.done'), onClick: onDone }}
    />
  );
}

export function CreateApiKeyForm() {
  const { t } = useTranslation(['integrations', 'console']);
  const create = useCreateApiKey();
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const form = useForm<ApiKeyForm>({
    resolver: zodResolver(ApiKeyFormSchema, { error: formIssueKey }),
    defaultValues: { name: '', areas: noAccess, expiresOn: '' },
  });
  const fieldError = useFieldError(ApiKeyFormSchema.shape, form.formState.errors);
  const areasError = form.formState.errors.areas?.message ?? form.formState.errors.areas?.root?.message;

  if (created) return <NewSecret created={created} onDone={() => setCreated(null)} />;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        create.mutate(toBody(values), {
          onSuccess: (key) => {
            setCreated(key);
            form.reset();
          },
          onError: (error) => applyIssues(error, form.setError, ['name']),
        });
      })}
    >
      <Fieldset legend={t('form.title')}>
        <Stack>
          <ErrorAlert error={create.error} showIssues={false} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('form.name')}
              description={t('form.nameHint')}
              required
              autoComplete="off"
              maxLength={maxLengthOf(shape.name)}
              error={fieldError('name')}
              {...form.register('name')}
            />
            <TextInput
              label={t('form.expiresOn')}
              description={t('form.expiresOnHint')}
              type="date"
              error={fieldError('expiresOn')}
              {...form.register('expiresOn')}
            />
          </SimpleGrid>
          <Fieldset legend={t('form.scopes')} variant="unstyled" aria-describedby="api-key-scopes-hint">
            <Text id="api-key-scopes-hint" size="sm" c="dimmed" mb="xs">
              {t('form.scopesHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {API_AREAS.map((area) => (
                <NativeSelect
                  key={area}
                  label={t(`areas.${area}`)}
                  data={[
                    { value: '', label: t('access.none') },
                    { value: 'read', label: t('access.read') },
                    { value: 'write', label: t('access.write') },
                  ]}
                  {...form.register(`areas.${area}`)}
                />
              ))}
            </SimpleGrid>
            {areasError && (
              <Text c="red.8" size="sm" mt="xs" role="alert">
                {t(areasError)}
              </Text>
            )}
          </Fieldset>
          <div>
            <Button type="submit" loading={create.isPending}>
              {t('form.submit')}
            </Button>
          </div>
        </Stack>
      </Fieldset>
    </form>
  );
}
