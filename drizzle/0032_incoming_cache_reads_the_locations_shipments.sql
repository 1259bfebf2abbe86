-- A new inventory product starts from what is already on its way to it: the moves into and out of In-transit
-- of the location's open shipments (In transit or Partly received; a done, canceled or reversed one has as many
-- units out of In-transit as went in, which the ledger check's full sum over every shipment still holds it to).
-- The shipments now lead the join (CROSS JOIN, through the status index): left to itself SQLite walked every
-- transfer move in the ledger by source type alone, about 80 ms per new inventory product at a million moves,
-- paid row by row by a return to a new shelf or an import creating stocked items.
DROP TRIGGER `inventory_products_incoming_insert`;--> statement-breakpoint
CREATE TRIGGER `inventory_products_incoming_insert` AFTER INSERT ON `inventory_products` BEGIN
  UPDATE `inventory_products` SET `incoming` = coalesce((
    SELECT sum(CASE WHEN m.`to_location_id` = 5 THEN m.`qty` ELSE -m.`qty` END)
    FROM `transfers` t INDEXED BY `transfers_status_idx` CROSS JOIN `stock_moves` m INDEXED BY `moves_source_idx` ON m.`source_type` = 'transfer' AND m.`source_id` = t.`id`
    WHERE t.`status` IN ('inTransit', 'partlyReceived') AND t.`to_location_id` = NEW.`location_id` AND m.`product_id` = NEW.`product_id`
      AND (m.`to_location_id` = 5 OR m.`from_location_id` = 5)), 0)
  WHERE `id` = NEW.`id`;
END;
