-- Inventory products' reserved and picked are kept by the writers of allocations (addHeld in
-- inventoryProducts.ts), one update per product and location of an action: a trigger per allocation wrote the
-- inventory product once per unit (10,000 times for a 10,000-serial shipment). The figures themselves are
-- unchanged; verifyLedger still checks them against the allocations.
DROP TRIGGER IF EXISTS `allocations_cache_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `allocations_cache_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `allocations_cache_delete`;
