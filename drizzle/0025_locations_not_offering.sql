DROP INDEX `inventory_products_available_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_location_available_idx`;--> statement-breakpoint
ALTER TABLE `inventory_products` DROP COLUMN `available`;--> statement-breakpoint
ALTER TABLE `inventory_products` ADD `offers` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `inventory_products` ADD `available` integer GENERATED ALWAYS AS (CASE WHEN offers = 1 THEN on_hand - reserved - picked ELSE 0 END) VIRTUAL;--> statement-breakpoint
CREATE INDEX `inventory_products_available_idx` ON `inventory_products` (`below_min`,`available`,`id`,`product_id`,`location_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_available_idx` ON `inventory_products` (`location_id`,`below_min`,`available`,`id`,`product_id`,`bin`);--> statement-breakpoint
ALTER TABLE `locations` ADD `offers_stock` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- A returns shelf holds what came back until someone checks it: its units are not offered.
UPDATE `locations` SET `offers_stock` = 0 WHERE `kind` = 'returns';--> statement-breakpoint
UPDATE `inventory_products` SET `offers` = 0 WHERE `location_id` IN (SELECT `id` FROM `locations` WHERE `offers_stock` = 0);--> statement-breakpoint
-- The flag follows its location, for rows stocked there later and when the location changes.
CREATE TRIGGER `inventory_products_offers_insert` AFTER INSERT ON `inventory_products` BEGIN
  UPDATE `inventory_products` SET `offers` = (SELECT `offers_stock` FROM `locations` WHERE `id` = NEW.`location_id`)
  WHERE `id` = NEW.`id` AND `offers` <> (SELECT `offers_stock` FROM `locations` WHERE `id` = NEW.`location_id`);
END;--> statement-breakpoint
CREATE TRIGGER `locations_offers_stock_update` AFTER UPDATE OF `offers_stock` ON `locations` WHEN NEW.`offers_stock` <> OLD.`offers_stock` BEGIN
  UPDATE `inventory_products` SET `offers` = NEW.`offers_stock` WHERE `location_id` = NEW.`id`;
END;
