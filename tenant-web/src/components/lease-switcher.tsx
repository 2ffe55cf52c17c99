import { NativeSelect } from '@mantine/core';
import type { PortalMe } from '@portico/shared/contracts/auth';
import { useTranslation } from 'react-i18next';
import type { LeaseSelection } from '@/lib/current-lease';
import { leaseLabel } from '@/lib/format';

const key = (s: LeaseSelection) => `${s.customerId}|${s.leaseId ?? ''}`;

/** Shown when the user can act for more than one (customer, lease) pair. */
export function LeaseSwitcher({
  me,
  value,
  onChange,
}: {
  me: PortalMe;
  value: LeaseSelection | null;
  onChange: (next: LeaseSelection) => void;
}) {
  const { t } = useTranslation();
  const severalCustomers = me.memberships.length > 1;
  const options = me.memberships.flatMap((m) => {
    const pairs = m.leases.length
      ? m.leases.map((lease) => ({ selection: { customerId: m.customerId, leaseId: lease.id }, label: leaseLabel(t, lease) }))
      : [{ selection: { customerId: m.customerId, leaseId: null }, label: t('lease.none') }];
    return pairs.map((p) => ({
      ...p,
      label: severalCustomers ? t('lease.withCustomer', { customer: m.customerName, lease: p.label }) : p.label,
    }));
  });
  if (options.length < 2) return null;
  return (
    <NativeSelect
      aria-label={t('header.switcher')}
      size="sm"
      value={value ? key(value) : ''}
      onChange={(event) => {
        const hit = options.find((o) => key(o.selection) === event.currentTarget.value);
        if (hit) onChange(hit.selection);
      }}
      data={options.map((o) => ({ value: key(o.selection), label: o.label }))}
      maw={{ base: '100%', sm: 320 }}
    />
  );
}
