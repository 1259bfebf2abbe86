CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`permissions` text DEFAULT '[]' NOT NULL,
	`is_admin` integer DEFAULT false NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_name_unique` ON `categories` (`name`);--> statement-breakpoint
CREATE TABLE `companies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`is_vendor` integer DEFAULT false NOT NULL,
	`is_client` integer DEFAULT true NOT NULL,
	`phone` text,
	`email` text,
	`website` text,
	`contact_name` text,
	`tax_id` text,
	`notes` text,
	`address1` text,
	`address2` text,
	`city` text,
	`state` text,
	`postal_code` text,
	`country` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `companies_name_unique` ON `companies` (`name`);--> statement-breakpoint
CREATE INDEX `companies_vendor_idx` ON `companies` (`is_vendor`,`name`);--> statement-breakpoint
CREATE TABLE `product_vendors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`vendor_id` integer NOT NULL,
	`vendor_part_number` text,
	`vendor_cost` integer DEFAULT 0 NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_vendors_unique` ON `product_vendors` (`product_id`,`vendor_id`);--> statement-breakpoint
CREATE INDEX `product_vendors_vendor_idx` ON `product_vendors` (`vendor_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`category_id` integer,
	`manufacturer` text,
	`manufacturer_part_number` text,
	`barcode` text,
	`unit_cost` integer DEFAULT 0 NOT NULL,
	`unit_price` integer DEFAULT 0 NOT NULL,
	`msrp` integer DEFAULT 0 NOT NULL,
	`serialized` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`eligible_for_rma` integer DEFAULT false NOT NULL,
	`does_not_require_procurement` integer DEFAULT false NOT NULL,
	`billing_period` text DEFAULT 'oneTime' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_sku_unique` ON `products` (`sku`);--> statement-breakpoint
CREATE INDEX `products_name_idx` ON `products` (`name`);--> statement-breakpoint
CREATE INDEX `products_category_idx` ON `products` (`category_id`);--> statement-breakpoint
CREATE INDEX `products_barcode_idx` ON `products` (`barcode`);--> statement-breakpoint
CREATE TABLE `locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`usage` text NOT NULL,
	`owner_user_id` integer,
	`is_default` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`address` text,
	`notes` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `locations_name_unique` ON `locations` (`name`);--> statement-breakpoint
CREATE TABLE `adjustments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`direction` text NOT NULL,
	`location_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`counterpart` text NOT NULL,
	`cost_method` text,
	`reason` text,
	`status` text NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `adjustments_number_unique` ON `adjustments` (`number`);--> statement-breakpoint
CREATE TABLE `allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`qty` integer NOT NULL,
	`kind` text NOT NULL,
	`source_type` text NOT NULL,
	`source_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `allocations_lot_idx` ON `allocations` (`lot_id`,`location_id`);--> statement-breakpoint
CREATE INDEX `allocations_product_idx` ON `allocations` (`product_id`,`location_id`);--> statement-breakpoint
CREATE TABLE `balances` (
	`lot_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`qty` integer NOT NULL,
	PRIMARY KEY(`lot_id`, `location_id`),
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `balances_product_location_idx` ON `balances` (`product_id`,`location_id`);--> statement-breakpoint
CREATE INDEX `balances_location_idx` ON `balances` (`location_id`,`product_id`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`next` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `inventory_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`occurred_at` integer NOT NULL,
	`type` text NOT NULL,
	`product_id` integer NOT NULL,
	`location_id` integer,
	`lot_id` integer,
	`serial_number` text,
	`user_id` integer,
	`changes` text NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inventory_events_occurred_idx` ON `inventory_events` (`occurred_at`);--> statement-breakpoint
CREATE INDEX `inventory_events_product_idx` ON `inventory_events` (`product_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `inventory_products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`bin` text,
	`reference_number` text,
	`min` integer DEFAULT 0 NOT NULL,
	`max` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inventory_products_unique` ON `inventory_products` (`product_id`,`location_id`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_idx` ON `inventory_products` (`location_id`);--> statement-breakpoint
CREATE TABLE `lots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`serial_number` text,
	`unit_cost` integer NOT NULL,
	`received_at` integer NOT NULL,
	`vendor_id` integer,
	`po_line_id` integer,
	`receipt_id` integer,
	`vendor_invoice_number` text,
	`source_type` text NOT NULL,
	`source_id` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lots_product_serial_unique` ON `lots` (`product_id`,`serial_number`);--> statement-breakpoint
CREATE INDEX `lots_serial_idx` ON `lots` (`serial_number`);--> statement-breakpoint
CREATE TABLE `stock_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`qty` integer NOT NULL,
	`from_location_id` integer NOT NULL,
	`to_location_id` integer NOT NULL,
	`unit_cost` integer NOT NULL,
	`source_type` text NOT NULL,
	`source_id` integer NOT NULL,
	`source_line` integer,
	`company_id` integer,
	`reason` text,
	`user_id` integer,
	`occurred_at` integer NOT NULL,
	`reverses_move_id` integer,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `moves_occurred_idx` ON `stock_moves` (`occurred_at`);--> statement-breakpoint
CREATE INDEX `moves_product_idx` ON `stock_moves` (`product_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `moves_from_idx` ON `stock_moves` (`from_location_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `moves_to_idx` ON `stock_moves` (`to_location_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `moves_lot_idx` ON `stock_moves` (`lot_id`);--> statement-breakpoint
CREATE INDEX `moves_source_idx` ON `stock_moves` (`source_type`,`source_id`);--> statement-breakpoint
CREATE INDEX `moves_user_idx` ON `stock_moves` (`user_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `moves_reverses_idx` ON `stock_moves` (`reverses_move_id`) WHERE reverses_move_id is not null;--> statement-breakpoint
CREATE TABLE `stocktake_counts` (
	`stocktake_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`counted_qty` integer NOT NULL,
	PRIMARY KEY(`stocktake_id`, `product_id`),
	FOREIGN KEY (`stocktake_id`) REFERENCES `stocktakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stocktake_serials` (
	`stocktake_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`serial_number` text NOT NULL,
	PRIMARY KEY(`stocktake_id`, `product_id`, `serial_number`),
	FOREIGN KEY (`stocktake_id`) REFERENCES `stocktakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stocktakes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`location_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`posted_at` integer,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stocktakes_number_unique` ON `stocktakes` (`number`);--> statement-breakpoint
CREATE TABLE `transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`from_location_id` integer NOT NULL,
	`to_location_id` integer NOT NULL,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`received_at` integer,
	FOREIGN KEY (`from_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transfers_number_unique` ON `transfers` (`number`);--> statement-breakpoint
CREATE INDEX `transfers_created_idx` ON `transfers` (`created_at`);--> statement-breakpoint
INSERT INTO `locations` (`id`, `name`, `kind`, `usage`, `is_default`, `active`, `created_at`) VALUES (1, 'Vendor', 'vendor', 'virtual', 0, 1, 0), (2, 'Customer', 'customer', 'virtual', 0, 1, 0), (3, 'Adjustment', 'adjustment', 'virtual', 0, 1, 0), (4, 'Scrap', 'scrap', 'virtual', 0, 1, 0), (5, 'In-transit', 'transit', 'virtual', 0, 1, 0);
--> statement-breakpoint
CREATE TRIGGER `stock_moves_no_update` BEFORE UPDATE ON `stock_moves` BEGIN SELECT RAISE(ABORT, 'stock moves are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `stock_moves_no_delete` BEFORE DELETE ON `stock_moves` BEGIN SELECT RAISE(ABORT, 'stock moves are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `virtual_locations_no_update` BEFORE UPDATE ON `locations` WHEN OLD.`usage` = 'virtual' BEGIN SELECT RAISE(ABORT, 'virtual locations cannot be edited'); END;
--> statement-breakpoint
CREATE TRIGGER `virtual_locations_no_delete` BEFORE DELETE ON `locations` WHEN OLD.`usage` = 'virtual' BEGIN SELECT RAISE(ABORT, 'virtual locations cannot be deleted'); END;
