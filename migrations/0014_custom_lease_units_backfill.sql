-- Leases made before lease_units existed cover their one unit (leases.unit_id, the main unit).
-- Idempotent: a lease that already lists its unit is skipped.
INSERT INTO "lease_units" ("landlord_id", "lease_id", "unit_id")
SELECT "landlord_id", "id", "unit_id" FROM "leases"
ON CONFLICT DO NOTHING;
