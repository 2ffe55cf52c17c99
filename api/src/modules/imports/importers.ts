import { CustomerUpsertSchema } from '@portico/shared/contracts/customers';
import type { ImportKind } from '@portico/shared/contracts/imports';
import { LeaseUpsertSchema } from '@portico/shared/contracts/leases';
import { PropertyUpsertSchema, UnitUpsertSchema } from '@portico/shared/contracts/properties';
import type { z } from 'zod';
import type { StaffActor } from '../../actors';
import type { DbOrTx } from '../../db/client';
import type { AppError } from '../../errors';
import { upsertCustomerByExternalId } from '../customers/service';
import { upsertLeaseByExternalId } from '../leases/service';
import { upsertPropertyByExternalId, upsertUnitByExternalId } from '../properties/service';

export type UpsertOutcome = { id: string; outcome: 'created' | 'updated' | 'unchanged' };

/**
 * How a row of each kind is saved: the record module's upsert (it runs in the caller's
 * transaction, matches on the external id, checks policy and records history) and its input
 * schema, which every row is validated against first.
 */
export type Importer = {
  schema: z.ZodType;
  upsert: (tx: DbOrTx, actor: StaffActor, input: never) => Promise<UpsertOutcome>;
  /** The field a refusal of the upsert is about (an unknown reference, a taken number). */
  fieldOfError?: (err: AppError) => string | undefined;
};

/** The field an upsert's refusal names: by the resource not found (a reference), else by its code. */
const errorFields =
  (resources: Record<string, string>, codes: Record<string, string>) =>
  (err: AppError): string | undefined =>
    err.code === 'not_found' ? resources[err.resource ?? ''] : codes[err.code];

export const IMPORTERS: Record<ImportKind, Importer> = {
  properties: {
    schema: PropertyUpsertSchema,
    upsert: upsertPropertyByExternalId,
    fieldOfError: errorFields({}, { postal_code_invalid: 'postalCode', external_id_taken: 'externalId' }),
  },
  units: {
    schema: UnitUpsertSchema,
    upsert: upsertUnitByExternalId,
    fieldOfError: errorFields(
      { property: 'propertyExternalId' },
      { unit_number_taken: 'number', external_id_taken: 'externalId', property_archived: 'propertyExternalId' },
    ),
  },
  customers: {
    schema: CustomerUpsertSchema,
    upsert: upsertCustomerByExternalId,
    fieldOfError: errorFields(
      {},
      {
        identity_number_invalid: 'identityNumber',
        identity_number_taken: 'identityNumber',
        mobile_invalid: 'phone',
        external_id_taken: 'externalId',
        validation_failed: 'kind',
      },
    ),
  },
  leases: {
    schema: LeaseUpsertSchema,
    upsert: upsertLeaseByExternalId,
    fieldOfError: errorFields(
      { customer: 'customerExternalId', unit: 'unitExternalIds' },
      {
        lease_number_taken: 'number',
        external_id_taken: 'externalId',
        unit_already_leased: 'unitExternalIds',
        valid_to_before_valid_from: 'validTo',
        vat_not_allowed_on_residential: 'vatRate',
      },
    ),
  },
};
