CREATE TABLE `stock_value_months` (
	`month` text NOT NULL,
	`location_id` integer NOT NULL,
	`qty` integer NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`month`, `location_id`)
);
--> statement-breakpoint
ALTER TABLE `balances` ADD `received_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `balances` SET `received_at` = (SELECT l.`received_at` FROM `lots` l WHERE l.`id` = `balances`.`lot_id`);--> statement-breakpoint
CREATE INDEX `balances_location_received_idx` ON `balances` (`location_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `balances_received_idx` ON `balances` (`received_at`);--> statement-breakpoint
ALTER TABLE `inventory_products` ADD `below_min` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `inventory_products` SET `below_min` = (coalesce((SELECT s.`qty` FROM `stock_levels` s WHERE s.`product_id` = `inventory_products`.`product_id` AND s.`location_id` = `inventory_products`.`location_id`), 0) < `min`);--> statement-breakpoint
CREATE INDEX `inventory_products_below_min_idx` ON `inventory_products` (`location_id`,`product_id`) WHERE below_min = 1;--> statement-breakpoint
INSERT INTO `stock_value_months` (`month`, `location_id`, `qty`, `value`)
  SELECT month, loc, sum(q), sum(v) FROM (
    SELECT strftime('%Y-%m', `occurred_at` / 1000, 'unixepoch') AS month, `to_location_id` AS loc, `qty` AS q, `qty` * `unit_cost` AS v FROM `stock_moves`
    UNION ALL
    SELECT strftime('%Y-%m', `occurred_at` / 1000, 'unixepoch'), `from_location_id`, -`qty`, -`qty` * `unit_cost` FROM `stock_moves`
  ) GROUP BY month, loc;--> statement-breakpoint
CREATE TRIGGER `stock_levels_below_min_insert` AFTER INSERT ON `stock_levels` BEGIN
  UPDATE `inventory_products` SET `below_min` = (NEW.`qty` < `min`)
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id` AND `below_min` <> (NEW.`qty` < `min`);
END;--> statement-breakpoint
CREATE TRIGGER `stock_levels_below_min_update` AFTER UPDATE OF `qty` ON `stock_levels` BEGIN
  UPDATE `inventory_products` SET `below_min` = (NEW.`qty` < `min`)
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id` AND `below_min` <> (NEW.`qty` < `min`);
END;--> statement-breakpoint
CREATE TRIGGER `inventory_products_below_min_insert` AFTER INSERT ON `inventory_products` BEGIN
  UPDATE `inventory_products` SET `below_min` = (coalesce((SELECT s.`qty` FROM `stock_levels` s WHERE s.`product_id` = NEW.`product_id` AND s.`location_id` = NEW.`location_id`), 0) < NEW.`min`)
  WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `inventory_products_below_min_update` AFTER UPDATE OF `min` ON `inventory_products` BEGIN
  UPDATE `inventory_products` SET `below_min` = (coalesce((SELECT s.`qty` FROM `stock_levels` s WHERE s.`product_id` = NEW.`product_id` AND s.`location_id` = NEW.`location_id`), 0) < NEW.`min`)
  WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE VIRTUAL TABLE `products_fts` USING fts5(`sku`, `name`, `manufacturer_part_number`, content='products', content_rowid='id', tokenize='trigram');--> statement-breakpoint
INSERT INTO `products_fts` (`products_fts`) VALUES ('rebuild');--> statement-breakpoint
CREATE TRIGGER `products_fts_insert` AFTER INSERT ON `products` BEGIN
  INSERT INTO `products_fts` (rowid, `sku`, `name`, `manufacturer_part_number`) VALUES (NEW.`id`, NEW.`sku`, NEW.`name`, NEW.`manufacturer_part_number`);
END;--> statement-breakpoint
CREATE TRIGGER `products_fts_delete` AFTER DELETE ON `products` BEGIN
  INSERT INTO `products_fts` (`products_fts`, rowid, `sku`, `name`, `manufacturer_part_number`) VALUES ('delete', OLD.`id`, OLD.`sku`, OLD.`name`, OLD.`manufacturer_part_number`);
END;--> statement-breakpoint
CREATE TRIGGER `products_fts_update` AFTER UPDATE OF `sku`, `name`, `manufacturer_part_number` ON `products` BEGIN
  INSERT INTO `products_fts` (`products_fts`, rowid, `sku`, `name`, `manufacturer_part_number`) VALUES ('delete', OLD.`id`, OLD.`sku`, OLD.`name`, OLD.`manufacturer_part_number`);
  INSERT INTO `products_fts` (rowid, `sku`, `name`, `manufacturer_part_number`) VALUES (NEW.`id`, NEW.`sku`, NEW.`name`, NEW.`manufacturer_part_number`);
END;
