import { LandlordSettingsSchema } from '@portico/shared/contracts/settings';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { settingsKeys } from './query-keys';

export const getSettings = () => api.get('/api/v1/settings', LandlordSettingsSchema);

export const settingsQueryOptions = () => queryOptions({ queryKey: settingsKeys.detail(), queryFn: getSettings });

export const useSettings = () => useQuery(settingsQueryOptions());
