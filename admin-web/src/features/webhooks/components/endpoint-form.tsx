import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Fieldset, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import {
  SUBSCRIBABLE_EVENT_TYPES,
  type WebhookEndpoint,
  WebhookEndpointCreateSchema,
  type WebhookEndpointWithSecret,
} from '@portico/shared/contracts/webhooks';
import { formIssueKey } from '@portico/shared/form-issues';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { applyIssues } from '@/lib/errors';
import { maxLengthOf, useFieldError } from '@/lib/form';
import { useCreateEndpoint, useUpdateEndpoint } from '../api/change-endpoint';
import { eventLabelKey } from './event-label';

const { shape } = WebhookEndpointCreateSchema;
/** The contract's create schema plus on/off (edited with PATCH). */
const FormSchema = WebhookEndpointCreateSchema.extend({ enabled: z.boolean() });

/**
 * Create (no `endpoint`) or edit an endpoint: URL, description, the events to send (translated
 * names) and, when editing, on/off. The contract's schema checks the form.
 */
export function EndpointForm({ endpoint, onCreated }: { endpoint?: WebhookEndpoint; onCreated?: (e: WebhookEndpointWithSecret) => void }) {
  const { t } = useTranslation('webhooks');
  const create = useCreateEndpoint();
  const update = useUpdateEndpoint();
  const mutation = endpoint ? update : create;
  const [saved, setSaved] = useState(false);
  const form = useForm({
    resolver: zodResolver(FormSchema, { error: formIssueKey }),
    defaultValues: {
      url: endpoint?.url ?? '',
      description: endpoint?.description ?? '',
      eventTypes: endpoint?.eventTypes ?? [],
      enabled: endpoint?.enabled ?? true,
    },
  });
  const fieldError = useFieldError(shape, form.formState.errors);
  const fields = ['url', 'description', 'eventTypes'] as const;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setSaved(false);
        const onError = (error: unknown) => applyIssues(error, form.setError, fields);
        if (endpoint) {
          update.mutate(
            {
              endpointId: endpoint.id,
              patch: { url: values.url, description: values.description ?? '', eventTypes: values.eventTypes, enabled: values.enabled },
            },
            { onSuccess: () => setSaved(true), onError },
          );
        } else {
          create.mutate(
            { url: values.url, description: values.description ?? '', eventTypes: values.eventTypes },
            {
              onSuccess: (created) => {
                form.reset();
                onCreated?.(created);
              },
              onError,
            },
          );
        }
      })}
    >
      <Fieldset legend={endpoint ? t('form.editTitle') : t('form.createTitle')}>
        <Stack>
          <ErrorAlert error={mutation.error} showIssues={false} />
          {saved && (
            <Alert color="green" variant="light" role="status">
              {t('form.saved')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('form.url')}
              description={t('form.urlHint')}
              type="url"
              required
              autoComplete="off"
              maxLength={maxLengthOf(shape.url)}
              error={fieldError('url')}
              {...form.register('url')}
            />
            <TextInput
              label={t('form.description')}
              autoComplete="off"
              maxLength={maxLengthOf(shape.description)}
              error={fieldError('description')}
              {...form.register('description')}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="eventTypes"
            render={({ field }) => (
              <Checkbox.Group
                label={t('form.events')}
                required
                value={field.value}
                onChange={field.onChange}
                error={fieldError('eventTypes')}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4} spacing="xs">
                  {SUBSCRIBABLE_EVENT_TYPES.map((type) => (
                    <Checkbox key={type} value={type} label={`${t(eventLabelKey(type))} (${type})`} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )}
          />
          {endpoint && (
            <Controller
              control={form.control}
              name="enabled"
              render={({ field }) => (
                <Switch label={t('form.enabled')} checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />
              )}
            />
          )}
          <div>
            <Button type="submit" loading={mutation.isPending}>
              {endpoint ? t('form.save') : t('form.create')}
            </Button>
          </div>
        </Stack>
      </Fieldset>
    </form>
  );
}
