import { NativeSelect } from '@mantine/core';
import type { LeaseRef } from '@portico/shared/contracts/auth';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** The lease field of a form that first picks a customer: disabled until one is chosen. */
export function LeaseSelect({
  hasCustomer,
  leases,
  error,
  registration,
}: {
  hasCustomer: boolean;
  leases: LeaseRef[];
  error?: string | undefined;
  registration: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('compose.lease')}
      required
      disabled={!hasCustomer}
      description={!hasCustomer ? t('compose.leaseHint') : undefined}
      error={error}
      data={[
        { value: '', label: hasCustomer && leases.length === 0 ? t('compose.noLeases') : t('compose.leasePlaceholder') },
        ...leases.map((l) => ({ value: l.id, label: `${l.number} · ${l.address}` })),
      ]}
      {...registration}
    />
  );
}
