import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { CaseDashboard, type DashboardState, STATS_MEASURES } from '@/features/cases/components/case-dashboard';
import { STATS_GROUPS } from '@/features/cases/lib/filters';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function DashboardRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const dateParam = (name: string) => {
    const value = params.get(name);
    return value && DATE.test(value) ? value : undefined;
  };
  const state: DashboardState = {
    show: STATS_MEASURES.find((m) => m === params.get('show')) ?? 'cases',
    groupBy: STATS_GROUPS.find((g) => g === params.get('groupBy')) ?? 'month',
    from: dateParam('from'),
    to: dateParam('to'),
  };
  const onChange = (next: DashboardState) => {
    const search = new URLSearchParams();
    if (next.show !== 'cases') search.set('show', next.show);
    if (next.groupBy !== 'month') search.set('groupBy', next.groupBy);
    if (next.from) search.set('from', next.from);
    if (next.to) search.set('to', next.to);
    setParams(search, { replace: true });
  };

  return (
    <>
      <PageHeading title={t('dashboard.title')} />
      <CaseDashboard state={state} onChange={onChange} />
    </>
  );
}
