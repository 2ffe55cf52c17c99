-- Leases of the generated data cover their one unit, as the product's own writes do (lease_units).
INSERT INTO lease_units (landlord_id, lease_id, unit_id) SELECT landlord_id, id, unit_id FROM leases ON CONFLICT DO NOTHING;
