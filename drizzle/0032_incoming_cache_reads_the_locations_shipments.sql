-- A new inventory product starts from what is already on its way to it. Units on their way are units in
-- In-transit (5), which only transfers move in and out of and none takes out more than it put in: so the sum
-- over every shipment to the location (what the ledger check recomputes) is the sum over the product's lots
-- held in In-transit now, of their transfer moves into and out of it whose shipment goes to the location.
-- Read that way, from the few units in transit rather than the location's whole history: left to itself
-- SQLite walked every transfer move in the ledger (moves_source_idx by source type alone), about 80 ms per
-- new inventory product at a million moves — paid row by row by a return's first units at a new shelf or an
-- import creating stocked items.
DROP TRIGGER `inventory_products_incoming_insert`;--> statement-breakpoint
CREATE TRIGGER `inventory_products_incoming_insert` AFTER INSERT ON `inventory_products` BEGIN
  UPDATE `inventory_products` SET `incoming` = coalesce((
    SELECT sum(CASE WHEN m.`to_location_id` = 5 THEN m.`qty` ELSE -m.`qty` END)
    FROM `balances` b INDEXED BY `balances_product_location_idx`
      CROSS JOIN `stock_moves` m ON m.`lot_id` = b.`lot_id` AND (m.`to_location_id` = 5 OR m.`from_location_id` = 5) AND m.`source_type` = 'transfer'
      CROSS JOIN `transfers` t ON t.`id` = m.`source_id`
    WHERE b.`product_id` = NEW.`product_id` AND b.`location_id` = 5 AND t.`to_location_id` = NEW.`location_id`), 0)
  WHERE `id` = NEW.`id`;
END;
