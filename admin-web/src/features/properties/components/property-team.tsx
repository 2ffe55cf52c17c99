import { zodResolver } from '@hookform/resolvers/zod';
import { ActionIcon, Alert, Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { type PropertyTeam, PropertyTeamMemberInputSchema, PropertyTeamPutSchema } from '@portico/shared/contracts/documents';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { maxLengthOf } from '@/lib/form';
import { useStaffOptions } from '../api/get-staff-options';
import { usePropertyTeam, useSavePropertyTeam } from '../api/team';

/** The form is the PUT body (the whole team in display order), under one key for useFieldArray. */
const FormSchema = z.object({ members: PropertyTeamPutSchema });
type FormValues = z.input<typeof FormSchema>;
const TITLE_MAX = maxLengthOf(PropertyTeamMemberInputSchema.shape.title);

/** The team tenants see on the property page, in order (issue 12 §4). */
function TeamList({ team }: { team: PropertyTeam }) {
  const { t } = useTranslation('documents');
  if (team.items.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('team.empty')}
      </Text>
    );
  }
  return (
    <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('team.title')}>
      {team.items.map((m) => (
        <li key={m.staffUserId}>
          <Text fw={600} span>
            {m.name}
          </Text>
          {m.title && <Text span> · {m.title}</Text>}
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {m.phone && (
              <>
                <Anchor href={`tel:${m.phone.replace(/[^+0-9]/g, '')}`}>{m.phone}</Anchor> ·{' '}
              </>
            )}
            <Anchor href={`mailto:${m.email}`}>{m.email}</Anchor>
          </Text>
        </li>
      ))}
    </Stack>
  );
}

function TeamEditor({
  propertyId,
  team,
  onSaved,
  onCancel,
}: {
  propertyId: string;
  team: PropertyTeam;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('documents');
  const staff = useStaffOptions();
  const save = useSavePropertyTeam(propertyId);
  const form = useForm<FormValues>({
    resolver: zodResolver(FormSchema),
    defaultValues: { members: team.items.map((m) => ({ staffUserId: m.staffUserId, title: m.title })) },
  });
  const members = useFieldArray({ control: form.control, name: 'members', keyName: 'key' });
  const [adding, setAdding] = useState('');

  const names = new Map<string, string>([
    ...team.items.map((m) => [m.staffUserId, m.name] as const),
    ...(staff.data?.items ?? []).map((s) => [s.id, s.name] as const),
  ]);
  const chosen = new Set(members.fields.map((f) => f.staffUserId));
  const available = (staff.data?.items ?? []).filter((s) => !chosen.has(s.id));
  const formError = form.formState.errors.members?.root?.message ?? form.formState.errors.members?.message;

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(FormSchema.parse(values).members, { onSuccess: onSaved }))}>
      <Stack gap="sm">
        <ErrorAlert error={save.error ?? staff.error} />
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {t('team.invalid')}
          </Alert>
        )}
        {members.fields.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('team.empty')}
          </Text>
        )}
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {members.fields.map((field, index) => {
            const name = names.get(field.staffUserId) ?? field.staffUserId;
            return (
              <Paper component="li" key={field.key} withBorder p="xs">
                <Group align="end" gap="xs" wrap="wrap">
                  <Text fw={600} miw={160} style={{ flex: '1 1 160px' }}>
                    {name}
                  </Text>
                  <TextInput
                    label={t('team.memberTitle', { name })}
                    maxLength={TITLE_MAX}
                    style={{ flex: '2 1 200px' }}
                    {...form.register(`members.${index}.title`)}
                  />
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={t('team.moveUp', { name })}
                      disabled={index === 0}
                      onClick={() => members.move(index, index - 1)}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={t('team.moveDown', { name })}
                      disabled={index === members.fields.length - 1}
                      onClick={() => members.move(index, index + 1)}
                    >
                      ↓
                    </ActionIcon>
                    <Button variant="outline" color="red.9" onClick={() => members.remove(index)}>
                      {t('team.remove')}
                      <VisuallyHidden> {name}</VisuallyHidden>
                    </Button>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
        {staff.isPending ? (
          <Loading />
        ) : (
          <Group align="end" gap="xs">
            <NativeSelect
              label={t('team.add')}
              value={adding}
              onChange={(event) => setAdding(event.currentTarget.value)}
              data={[{ value: '', label: t('team.choose') }, ...available.map((s) => ({ value: s.id, label: s.name }))]}
            />
            <Button
              variant="default"
              disabled={adding === ''}
              onClick={() => {
                members.append({ staffUserId: adding, title: '' });
                setAdding('');
              }}
            >
              {t('team.addButton')}
            </Button>
          </Group>
        )}
        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            {t('team.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('team.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The property's team: shown to everyone with the property; admins and managers edit it. */
export function PropertyTeamSection({ propertyId, canEdit }: { propertyId: string; canEdit: boolean }) {
  const { t } = useTranslation('documents');
  const team = usePropertyTeam(propertyId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (team.isPending) return <Loading />;
  if (team.isError) return <ErrorAlert error={team.error} />;
  if (editing) {
    return (
      <TeamEditor
        propertyId={propertyId}
        team={team.data}
        onSaved={() => {
          setEditing(false);
          setSaved(true);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('team.hint')}
      </Text>
      {saved && (
        <Alert color="green" variant="light" role="status">
          {t('team.saved')}
        </Alert>
      )}
      <TeamList team={team.data} />
      {canEdit && (
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('team.edit')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
