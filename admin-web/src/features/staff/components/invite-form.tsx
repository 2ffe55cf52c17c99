import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Fieldset, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { StaffRoleSchema } from '@portico/shared/contracts/auth';
import { StaffInviteSchema } from '@portico/shared/contracts/staff';
import { formIssueKey } from '@portico/shared/form-issues';
import { LOCALES } from '@portico/shared/locale';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { applyIssues } from '@/lib/errors';
import { blankAsNone, maxLengthOf, useFieldError } from '@/lib/form';
import { useInviteStaff } from '../api/change-staff';

const { shape } = StaffInviteSchema;

/** Invite by e-mail: the contract's schema, the language optional (the organisation's by default). */
export function InviteStaffForm() {
  const { t } = useTranslation();
  const invite = useInviteStaff();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(StaffInviteSchema, { error: formIssueKey }),
    defaultValues: { email: '', name: '', role: 'manager' as const, locale: undefined },
  });
  const fieldError = useFieldError(shape, form.formState.errors);
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setSentTo(null);
        invite.mutate(values, {
          onSuccess: (user) => {
            setSentTo(user.email);
            form.reset();
          },
          onError: (error) => applyIssues(error, form.setError, ['email', 'name', 'role', 'locale']),
        });
      })}
    >
      <Fieldset legend={t('staff.invite.title')}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('staff.invite.hint')}
          </Text>
          <ErrorAlert error={invite.error} showIssues={false} />
          {sentTo && (
            <Alert color="green" variant="light" role="status">
              {t('staff.invite.sent', { email: sentTo })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('staff.invite.name')}
              required
              autoComplete="off"
              maxLength={maxLengthOf(shape.name)}
              error={fieldError('name')}
              {...form.register('name')}
            />
            <TextInput
              label={t('staff.invite.email')}
              type="email"
              required
              autoComplete="off"
              error={fieldError('email')}
              {...form.register('email')}
            />
            <NativeSelect
              label={t('staff.role')}
              data={StaffRoleSchema.options.map((r) => ({ value: r, label: t(`staff.roles.${r}`) }))}
              {...form.register('role')}
            />
            <NativeSelect
              label={t('staff.invite.locale')}
              data={[
                { value: '', label: t('staff.invite.localeDefault') },
                ...LOCALES.map((l) => ({ value: l, label: t(`common:language.${l}`, { lng: l }) })),
              ]}
              {...form.register('locale', { setValueAs: blankAsNone })}
            />
          </SimpleGrid>
          <div>
            <Button type="submit" loading={invite.isPending}>
              {t('staff.invite.submit')}
            </Button>
          </div>
        </Stack>
      </Fieldset>
    </form>
  );
}
