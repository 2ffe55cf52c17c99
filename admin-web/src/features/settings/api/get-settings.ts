import type { LandlordSettings } from '@portico/shared/contracts/settings';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { settingsKeys } from './query-keys';

export const getSettings = () => api.get<LandlordSettings>('/api/v1/settings');

export const settingsQueryOptions = () => queryOptions({ queryKey: settingsKeys.detail(), queryFn: getSettings });

export const useSettings = () => useQuery(settingsQueryOptions());
