ALTER TABLE `locations` ADD `refill_from_id` integer REFERENCES locations(id);--> statement-breakpoint
ALTER TABLE `inventory_products` ADD `incoming` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Units shipped to a location and still in transit (location 5), per inventory product, kept like on order:
-- each move into or out of In-transit under a transfer counts for the transfer's destination (a receipt,
-- and a canceled shipment's units going back, take them off): only open shipments end up with any.
CREATE TRIGGER `stock_moves_incoming` AFTER INSERT ON `stock_moves`
WHEN NEW.`source_type` = 'transfer' AND (NEW.`to_location_id` = 5 OR NEW.`from_location_id` = 5) BEGIN
  UPDATE `inventory_products` SET `incoming` = `incoming` + (CASE WHEN NEW.`to_location_id` = 5 THEN NEW.`qty` ELSE -NEW.`qty` END)
  WHERE `product_id` = NEW.`product_id` AND `location_id` = (SELECT `to_location_id` FROM `transfers` WHERE `id` = NEW.`source_id`);
END;--> statement-breakpoint
-- A new inventory product starts from what is already on its way to it: the location's shipments, then their moves.
CREATE TRIGGER `inventory_products_incoming_insert` AFTER INSERT ON `inventory_products` BEGIN
  UPDATE `inventory_products` SET `incoming` = coalesce((
    SELECT sum(CASE WHEN m.`to_location_id` = 5 THEN m.`qty` ELSE -m.`qty` END)
    FROM `transfers` t INDEXED BY `transfers_to_idx` JOIN `stock_moves` m INDEXED BY `moves_source_idx` ON m.`source_type` = 'transfer' AND m.`source_id` = t.`id`
    WHERE t.`to_location_id` = NEW.`location_id` AND m.`product_id` = NEW.`product_id` AND (m.`to_location_id` = 5 OR m.`from_location_id` = 5)), 0)
  WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
UPDATE `inventory_products` SET `incoming` = x.`q`
FROM (SELECT t.`to_location_id` AS `loc`, m.`product_id` AS `pid`, sum(CASE WHEN m.`to_location_id` = 5 THEN m.`qty` ELSE -m.`qty` END) AS `q`
      FROM `transfers` t JOIN `stock_moves` m ON m.`source_type` = 'transfer' AND m.`source_id` = t.`id` AND (m.`to_location_id` = 5 OR m.`from_location_id` = 5)
      GROUP BY 1, 2) AS x
WHERE x.`loc` = `inventory_products`.`location_id` AND x.`pid` = `inventory_products`.`product_id`;
