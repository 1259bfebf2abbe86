-- Balances and stock levels are kept only where our units are: our own locations and In-transit (5). What went
-- to or came from Vendor, Customer, Adjustment or Scrap is in the moves; their balance rows (the negative
-- sums left at Vendor and Adjustment, the units at Customer and Scrap) were written by every move and read by
-- nothing but the ledger check, and cost a 10,000-serial shipment a fifth of its index writes.
DELETE FROM `balances` WHERE `location_id` IN (SELECT `id` FROM `locations` WHERE `usage` <> 'internal' AND `id` <> 5);--> statement-breakpoint
DELETE FROM `stock_levels` WHERE `location_id` IN (SELECT `id` FROM `locations` WHERE `usage` <> 'internal' AND `id` <> 5);
