import { Text } from '@mantine/core';
import type { CaseEvent } from '@portico/shared/contracts/cases';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { CaseStatusBadge } from './case-status-badge';

/** Seed 002 "follow your cases from start to finish": when the case was registered and each status change. */
export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const { t, i18n } = useTranslation();
  const steps = events
    .filter((e) => e.kind === 'created' || (e.kind === 'status_changed' && e.toStatus))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (!steps.length) return <Text c="gray.7">{t('case.timeline.empty')}</Text>;

  return (
    <ol className="case-timeline">
      {steps.map((step) => (
        <li key={step.id} className="case-timeline-step">
          <Text size="sm" c="gray.7" component="time" dateTime={step.createdAt} display="block">
            {formatDateTime(step.createdAt, i18n.language)}
          </Text>
          {step.kind === 'created' ? (
            <Text fw={600}>{t('case.timeline.created', { name: step.authorName })}</Text>
          ) : (
            step.toStatus && (
              <Text fw={600} component="div">
                {t('case.timeline.changedTo')} <CaseStatusBadge status={step.toStatus} />
              </Text>
            )
          )}
          {step.kind === 'status_changed' && step.body && <div className="message-body">{step.body}</div>}
        </li>
      ))}
    </ol>
  );
}
