import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { CASE_TRANSITIONS, type CaseDetail, type CaseStatus, CaseStatusBodySchema } from '@portico/shared/contracts/cases';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { maxLengthOf } from '@/lib/form';
import { useAssignCase } from '../api/assign-case';
import { useChangeCaseStatus } from '../api/change-case-status';
import { useStaff } from '../api/get-staff';

/** The button text for a move: going back to in_progress from resolved/closed is a reopening. */
export function transitionAction(from: CaseStatus, to: CaseStatus): string {
  if (to === 'in_progress' && (from === 'resolved' || from === 'closed')) return 'reopen';
  return to;
}

function AssignForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const assign = useAssignCase(detail.id);
  const current = detail.assignee?.id ?? '';
  const [assigneeId, setAssigneeId] = useState(current);
  const [done, setDone] = useState(false);
  useEffect(() => setAssigneeId(current), [current]);
  const options = staff.data?.items ?? [];
  // A technician may not be allowed to list staff: keep the current assignee selectable.
  const withCurrent = detail.assignee && !options.some((s) => s.id === detail.assignee?.id) ? [detail.assignee, ...options] : options;

  return (
    <form
      aria-labelledby="assign-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(false);
        assign.mutate({ assigneeId: assigneeId || null }, { onSuccess: () => setDone(true) });
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5" id="assign-heading">
          {t('cases.actions.assignHeading')}
        </Title>
        <ErrorAlert error={assign.error} />
        <Group align="flex-end" gap="xs">
          <NativeSelect
            label={t('cases.assignee')}
            value={assigneeId}
            onChange={(e) => {
              setAssigneeId(e.currentTarget.value);
              setDone(false);
            }}
            data={[{ value: '', label: t('cases.unassigned') }, ...withCurrent.map((s) => ({ value: s.id, label: s.name }))]}
            style={{ flex: '1 1 14rem' }}
          />
          <Button type="submit" loading={assign.isPending} disabled={assigneeId === current}>
            {t('cases.actions.assign')}
          </Button>
        </Group>
        <div aria-live="polite">
          {done && (
            <Text size="sm" c="teal.9">
              {detail.assignee ? t('cases.actions.assigned', { name: detail.assignee.name }) : t('cases.actions.unassignedDone')}
            </Text>
          )}
        </div>
      </Stack>
    </form>
  );
}

function StatusForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const change = useChangeCaseStatus(detail.id);
  const [comment, setComment] = useState('');
  const [changed, setChanged] = useState<CaseStatus | null>(null);
  const next = CASE_TRANSITIONS[detail.status];
  const pendingStatus = change.isPending ? change.variables?.status : undefined;

  return (
    <Stack gap="xs" component="section" aria-labelledby="status-heading">
      <Title order={3} size="h5" id="status-heading">
        {t('cases.actions.statusHeading')}
      </Title>
      <ErrorAlert error={change.error} />
      <TextInput
        label={t('cases.actions.comment')}
        description={t('cases.actions.commentHint')}
        maxLength={maxLengthOf(CaseStatusBodySchema.shape.comment)}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      <Group gap="xs">
        {next.map((status) => (
          <Button
            key={status}
            variant={status === 'closed' ? 'default' : 'filled'}
            loading={pendingStatus === status}
            disabled={change.isPending && pendingStatus !== status}
            onClick={() => {
              setChanged(null);
              change.mutate(
                { status, ...(comment.trim() ? { comment: comment.trim() } : {}) },
                {
                  onSuccess: () => {
                    setComment('');
                    setChanged(status);
                  },
                },
              );
            }}
          >
            {t(`cases.actions.to.${transitionAction(detail.status, status)}`)}
          </Button>
        ))}
      </Group>
      <div aria-live="polite">
        {changed && (
          <Alert color="green" variant="light">
            {t('cases.actions.statusChanged', { status: t(`cases.status.${changed}`) })}
          </Alert>
        )}
      </div>
    </Stack>
  );
}

/** Technicians move the status of their cases; assigning is for dispatchers. */
export function CaseActions({ detail, canAssign }: { detail: CaseDetail; canAssign: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-actions-heading">
      <Title order={2} size="h4" id="case-actions-heading" mb="xs">
        {t('cases.actions.heading')}
      </Title>
      <Paper withBorder p="md" radius="sm">
        <Stack gap="lg">
          {canAssign && <AssignForm detail={detail} />}
          <StatusForm detail={detail} />
        </Stack>
      </Paper>
    </section>
  );
}
