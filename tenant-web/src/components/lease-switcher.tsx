import type { PortalMe } from '@portico/shared/contracts/auth';
import { useTranslation } from 'react-i18next';
import type { LeaseSelection } from '@/lib/current-lease';
import { leaseLabel } from '@/lib/format';
import { NativePicker } from './native-picker';

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
    <NativePicker
      label={t('header.switcher')}
      value={value ? key(value) : ''}
      onChange={(picked) => {
        const hit = options.find((o) => key(o.selection) === picked);
        if (hit) onChange(hit.selection);
      }}
      options={options.map((o) => ({ value: key(o.selection), label: o.label }))}
      className="lease-switcher"
    />
  );
}
