import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';
import { RecordHistory } from '@/features/history/components/record-history';
import { PropertyDetails } from '@/features/properties/components/property-details';

export function PropertyRoute() {
  const { propertyId = '' } = useParams();
  const me = useMe();
  const canEdit = me.data?.role === 'admin' || me.data?.role === 'manager';
  return (
    <Stack key={propertyId}>
      <PropertyDetails
        propertyId={propertyId}
        canEdit={canEdit}
        unitHistory={(unitId) => <RecordHistory recordType="unit" recordId={unitId} />}
      />
      <RecordHistory recordType="property" recordId={propertyId} />
    </Stack>
  );
}
