import { Button, Group, Stack } from '@mantine/core';
import type { EidMethod } from '@portico/shared/contracts/accounts';
import { useTranslation } from 'react-i18next';
import { type EidIntent, startEid } from '@/lib/eid';

const METHODS: { method: EidMethod; name: string }[] = [
  { method: 'se-bankid', name: 'BankID' },
  { method: 'dk-mitid', name: 'MitID' },
];

/** "Sign in with BankID" / "Sign in with MitID" (or "Link …"): a full page navigation to the e-ID broker. */
export function EidButtons({ intent, returnTo, stacked = false }: { intent: EidIntent; returnTo?: string; stacked?: boolean }) {
  const { t } = useTranslation();
  const labelKey = intent === 'link' ? 'eid.link' : 'eid.signIn';
  const buttons = METHODS.map(({ method, name }) => (
    <Button key={method} variant="default" fullWidth={stacked} onClick={() => startEid(method, intent, returnTo)}>
      {t(labelKey, { method: name })}
    </Button>
  ));
  return stacked ? <Stack gap="sm">{buttons}</Stack> : <Group gap="sm">{buttons}</Group>;
}
