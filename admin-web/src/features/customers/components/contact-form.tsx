import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type Contact, ContactInputSchema, PortalUserChoiceSchema } from '@portico/shared/contracts/customers';
import { formIssueKey } from '@portico/shared/form-issues';
import { LOCALES } from '@portico/shared/locale';
import { useId } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { applyIssues } from '@/lib/errors';
import { blankOr, blanksAsNull, maxLengthOf, useFieldError } from '@/lib/form';
import { useSaveContact } from '../api/save-contact';

const { shape: c } = ContactInputSchema;
const FormSchema = z.object({
  name: c.name,
  email: blankOr(c.email.unwrap().unwrap()),
  phone: blankOr(c.phone.unwrap().unwrap()),
  locale: z.string(),
  portalUser: z.union([PortalUserChoiceSchema, z.literal('')]),
});
type FormValues = z.infer<typeof FormSchema>;

/**
 * Add a contact, or change one. A registered contact whose e-mail changes needs a decision
 * (docs/landlord-data.md): keep the portal account as it is, or move the access to the new
 * address (the account leaves this customer and the new address gets an invitation, same role).
 */
export function ContactForm({
  customerId,
  contact,
  portalEnabled,
  onDone,
}: {
  customerId: string;
  contact?: Contact;
  portalEnabled: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveContact();
  const id = useId();
  const form = useForm<FormValues>({
    resolver: zodResolver(FormSchema, { error: formIssueKey }),
    defaultValues: {
      name: contact?.name ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      locale: contact?.locale ?? '',
      portalUser: '',
    },
    mode: 'onTouched',
  });
  const fieldError = useFieldError(FormSchema.shape, form.formState.errors);
  const email = form.watch('email');
  const asks = contact?.portalState === 'registered' && email.trim().toLowerCase() !== (contact.email ?? '');

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={form.handleSubmit((values) => {
        if (asks && !values.portalUser) {
          form.setError('portalUser', { type: 'server', message: t('contactForm.chooseAccess') });
          return;
        }
        const { portalUser, ...fields } = blanksAsNull(values);
        const body = { ...fields, name: values.name, locale: (values.locale || null) as never };
        const onError = (error: unknown) => applyIssues(error, form.setError, ['name', 'email', 'phone', 'locale']);
        if (contact)
          save.mutate(
            {
              customerId,
              contactId: contact.id,
              ...body,
              ...(asks && portalUser ? { portalUser: portalUser as 'keep' | 'reinvite' } : {}),
            },
            { onSuccess: onDone, onError },
          );
        else save.mutate({ customerId, ...body }, { onSuccess: onDone, onError });
      })}
    >
      <Stack gap="sm" mt="sm">
        <Text fw={600} id={`${id}-title`}>
          {contact ? t('contactForm.editTitle', { name: contact.name }) : t('contactForm.addTitle')}
        </Text>
        <ErrorAlert error={save.error} />
        <TextInput
          label={t('contactForm.name')}
          required
          maxLength={maxLengthOf(c.name)}
          error={fieldError('name')}
          {...form.register('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('customers.email')}
            type="email"
            autoComplete="off"
            maxLength={maxLengthOf(c.email)}
            error={fieldError('email')}
            {...form.register('email')}
          />
          <TextInput
            label={t('customerForm.mobile')}
            description={t('customerForm.mobileHint')}
            type="tel"
            autoComplete="off"
            maxLength={maxLengthOf(c.phone)}
            error={fieldError('phone')}
            {...form.register('phone')}
          />
        </SimpleGrid>
        <NativeSelect
          label={t('customerForm.locale')}
          data={[
            { value: '', label: t('customerForm.localeDefault') },
            ...LOCALES.map((l) => ({ value: l, label: t(`common:language.${l}`, { lng: l }) })),
          ]}
          {...form.register('locale')}
        />
        {asks && (
          <Alert color="blue" variant="light" title={t('contactForm.accessTitle')}>
            <Text size="sm" mb="xs">
              {t('contactForm.accessIntro', { email: contact?.portalEmail ?? contact?.email ?? '' })}
            </Text>
            <Controller
              control={form.control}
              name="portalUser"
              render={({ field }) => (
                <Radio.Group
                  label={t('contactForm.accessLabel')}
                  value={field.value}
                  onChange={field.onChange}
                  name={field.name}
                  error={fieldError('portalUser')}
                  required
                >
                  <Stack gap="xs" mt={4}>
                    <Radio value="keep" label={t('contactForm.keep')} description={t('contactForm.keepHint')} />
                    <Radio
                      value="reinvite"
                      label={t('contactForm.reinvite')}
                      description={portalEnabled ? t('contactForm.reinviteHint') : t('contacts.reason.portalDisabled')}
                      disabled={!portalEnabled}
                    />
                  </Stack>
                </Radio.Group>
              )}
            />
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {contact ? t('contactForm.save') : t('contactForm.add')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('customerForm.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
