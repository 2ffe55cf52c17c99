import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';
import { CaseView } from '@/features/cases/components/case-view';

export function CaseRoute() {
  const { caseId = '' } = useParams();
  const me = useMe();
  return <CaseView key={caseId} caseId={caseId} dispatcher={me.data?.role !== 'technician'} />;
}
