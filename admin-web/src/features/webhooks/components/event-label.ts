import type { EventType } from '@portico/shared/contracts/webhooks';

/** The i18n key of an event type's name: `case.created` → `events.case_created` (a dot would nest). */
export const eventLabelKey = (type: EventType) => `events.${type.replace('.', '_')}` as const;
