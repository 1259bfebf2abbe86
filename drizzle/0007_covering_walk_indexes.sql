DROP INDEX `inventory_products_bin_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_location_bin_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_min_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_location_min_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_max_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_location_max_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_on_hand_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_location_on_hand_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_available_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_location_available_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_on_order_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_location_on_order_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_back_ordered_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_location_back_ordered_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_value_idx`;--> statement-breakpoint
DROP INDEX `inventory_products_location_value_idx`;--> statement-breakpoint
CREATE INDEX `inventory_products_bin_idx` ON `inventory_products` (`below_min`,`bin`,`id`,`product_id`,`location_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_bin_idx` ON `inventory_products` (`location_id`,`below_min`,`bin`,`id`,`product_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_min_idx` ON `inventory_products` (`below_min`,`min`,`id`,`product_id`,`location_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_min_idx` ON `inventory_products` (`location_id`,`below_min`,`min`,`id`,`product_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_max_idx` ON `inventory_products` (`below_min`,`max`,`id`,`product_id`,`location_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_max_idx` ON `inventory_products` (`location_id`,`below_min`,`max`,`id`,`product_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_on_hand_idx` ON `inventory_products` (`below_min`,`on_hand`,`id`,`product_id`,`location_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_on_hand_idx` ON `inventory_products` (`location_id`,`below_min`,`on_hand`,`id`,`product_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_available_idx` ON `inventory_products` (`below_min`,`available`,`id`,`product_id`,`location_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_available_idx` ON `inventory_products` (`location_id`,`below_min`,`available`,`id`,`product_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_on_order_idx` ON `inventory_products` (`below_min`,`on_order`,`id`,`product_id`,`location_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_on_order_idx` ON `inventory_products` (`location_id`,`below_min`,`on_order`,`id`,`product_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_back_ordered_idx` ON `inventory_products` (`below_min`,`back_ordered`,`id`,`product_id`,`location_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_back_ordered_idx` ON `inventory_products` (`location_id`,`below_min`,`back_ordered`,`id`,`product_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_value_idx` ON `inventory_products` (`below_min`,`value`,`id`,`product_id`,`location_id`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_value_idx` ON `inventory_products` (`location_id`,`below_min`,`value`,`id`,`product_id`,`bin`);