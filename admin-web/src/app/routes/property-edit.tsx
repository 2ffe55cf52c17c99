import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { useProperty } from '@/features/properties/api/get-property';
import { PropertyForm } from '@/features/properties/components/property-form';

/** Create (`/properties/new`) or edit (`/properties/:propertyId/edit`) a property; admins and managers only. */
export function PropertyEditRoute() {
  const { t } = useTranslation();
  const { propertyId } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const property = useProperty(propertyId ?? '');
  if (me.data && me.data.role !== 'admin' && me.data.role !== 'manager')
    return <Navigate to={propertyId ? `/properties/${propertyId}` : '/properties'} replace />;
  if (!propertyId)
    return (
      <>
        <PageHeading title={t('properties.new')} />
        <PropertyForm onSaved={(p) => navigate(`/properties/${p.id}`)} onCancel={() => navigate('/properties')} />
      </>
    );
  if (property.isPending) return <Loading />;
  if (property.isError) return <ErrorAlert error={property.error} />;
  return (
    <>
      <PageHeading title={t('properties.editTitle', { name: property.data.name })} />
      <PropertyForm
        property={property.data}
        onSaved={(p) => navigate(`/properties/${p.id}`)}
        onCancel={() => navigate(`/properties/${propertyId}`)}
      />
    </>
  );
}
