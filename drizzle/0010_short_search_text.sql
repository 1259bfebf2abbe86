DROP INDEX `products_name_idx`;--> statement-breakpoint
DROP INDEX `products_unit_cost_idx`;--> statement-breakpoint
DROP INDEX `products_unit_price_idx`;--> statement-breakpoint
DROP INDEX `products_on_hand_idx`;--> statement-breakpoint
ALTER TABLE `products` ADD `search_text` text GENERATED ALWAYS AS (lower(sku || char(31) || name || char(31) || coalesce(manufacturer_part_number, ''))) VIRTUAL;--> statement-breakpoint
CREATE INDEX `products_name_search_idx` ON `products` (`name`,`id`,`search_text`);--> statement-breakpoint
CREATE INDEX `products_sku_search_idx` ON `products` (`sku`,`search_text`);--> statement-breakpoint
CREATE INDEX `products_unit_cost_search_idx` ON `products` (`unit_cost`,`id`,`search_text`);--> statement-breakpoint
CREATE INDEX `products_unit_price_search_idx` ON `products` (`unit_price`,`id`,`search_text`);--> statement-breakpoint
CREATE INDEX `products_on_hand_search_idx` ON `products` (`on_hand`,`id`,`search_text`);