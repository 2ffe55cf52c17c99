/** `cursor`: a page's nextCursor / previousCursor; none for the first page. */
export type PropertyListParams = {
  q?: string;
  managerId?: string;
  archived?: 'false' | 'true' | 'all';
  sort?: 'name' | 'designation' | 'city';
  dir?: 'asc' | 'desc';
  cursor?: string | undefined;
  limit: number;
};
export type UnitListParams = {
  propertyId?: string;
  q?: string;
  archived?: 'false' | 'true' | 'all';
  cursor?: string | undefined;
  limit: number;
};

export const propertyKeys = {
  all: ['properties'] as const,
  lists: () => [...propertyKeys.all, 'list'] as const,
  list: (params: PropertyListParams) => [...propertyKeys.lists(), params] as const,
  details: () => [...propertyKeys.all, 'detail'] as const,
  detail: (propertyId: string) => [...propertyKeys.details(), propertyId] as const,
  units: (params: UnitListParams) => [...propertyKeys.all, 'units', params] as const,
  staff: () => [...propertyKeys.all, 'staff'] as const,
  team: (propertyId: string) => [...propertyKeys.all, 'team', propertyId] as const,
};
