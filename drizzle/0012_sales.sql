CREATE TABLE `charge_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`charge_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` integer,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`details` text NOT NULL,
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `charge_events_charge_idx` ON `charge_events` (`charge_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `charges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`container_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	`kind` text DEFAULT 'product' NOT NULL,
	`product_id` integer,
	`description` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`billable` integer DEFAULT true NOT NULL,
	`status` text NOT NULL,
	`picked` integer DEFAULT 0 NOT NULL,
	`delivered` integer DEFAULT 0 NOT NULL,
	`delivered_cost` integer DEFAULT 0 NOT NULL,
	`hold_note` text,
	`cancel_reason` text,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`container_id`) REFERENCES `containers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charges_number_unique` ON `charges` (`number`);--> statement-breakpoint
CREATE INDEX `charges_container_idx` ON `charges` (`container_id`,`id`);--> statement-breakpoint
CREATE INDEX `charges_company_idx` ON `charges` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `charges_status_idx` ON `charges` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `charges_product_idx` ON `charges` (`product_id`,`id`);--> statement-breakpoint
CREATE INDEX `charges_open_picks_idx` ON `charges` (`id`) WHERE picked > 0;--> statement-breakpoint
CREATE INDEX `charges_ready_unpicked_idx` ON `charges` (`id`) WHERE status = 'ready' AND picked = 0;--> statement-breakpoint
CREATE TABLE `container_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`container_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` integer,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`details` text NOT NULL,
	FOREIGN KEY (`container_id`) REFERENCES `containers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `container_events_container_idx` ON `container_events` (`container_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `containers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`company_id` integer NOT NULL,
	`status` text NOT NULL,
	`owner_user_id` integer,
	`contract_id` integer,
	`description` text,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `containers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `containers_number_unique` ON `containers` (`number`);--> statement-breakpoint
CREATE INDEX `containers_company_idx` ON `containers` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `containers_kind_idx` ON `containers` (`kind`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `containers_contract_idx` ON `containers` (`contract_id`) WHERE contract_id is not null;--> statement-breakpoint
CREATE INDEX `containers_owner_idx` ON `containers` (`owner_user_id`) WHERE owner_user_id is not null;--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`company_id` integer NOT NULL,
	`method` text NOT NULL,
	`status` text NOT NULL,
	`carrier` text,
	`tracking_number` text,
	`ship_date` text,
	`ship_to_name` text,
	`ship_to_address` text,
	`reason` text,
	`note` text,
	`freight_charge_id` integer,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`reversed_at` integer,
	`reverse_reason` text,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`freight_charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_number_unique` ON `deliveries` (`number`);--> statement-breakpoint
CREATE INDEX `deliveries_created_idx` ON `deliveries` (`created_at`);--> statement-breakpoint
CREATE INDEX `deliveries_company_idx` ON `deliveries` (`company_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `delivery_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` integer,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`details` text NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `delivery_events_delivery_idx` ON `delivery_events` (`delivery_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `delivery_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`charge_id` integer,
	`product_id` integer NOT NULL,
	`location_id` integer,
	`qty` integer NOT NULL,
	`cost` integer NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `delivery_lines_unique` ON `delivery_lines` (`delivery_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `delivery_lines_charge_idx` ON `delivery_lines` (`charge_id`) WHERE charge_id is not null;--> statement-breakpoint
CREATE TABLE `device_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` integer,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`details` text NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `device_events_device_idx` ON `device_events` (`device_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`serial_number` text NOT NULL,
	`serial_key` text NOT NULL,
	`company_id` integer NOT NULL,
	`container_id` integer,
	`contract_id` integer,
	`charge_id` integer,
	`delivery_id` integer NOT NULL,
	`delivery_line_id` integer NOT NULL,
	`status` text NOT NULL,
	`installed_at` integer NOT NULL,
	`warranty_end` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`container_id`) REFERENCES `containers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `containers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_line_id`) REFERENCES `delivery_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `devices_serial_idx` ON `devices` (`serial_key`);--> statement-breakpoint
CREATE INDEX `devices_installed_idx` ON `devices` (`installed_at`,`id`);--> statement-breakpoint
CREATE INDEX `devices_company_idx` ON `devices` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `devices_product_idx` ON `devices` (`product_id`,`id`);--> statement-breakpoint
CREATE INDEX `devices_delivery_idx` ON `devices` (`delivery_id`);--> statement-breakpoint
CREATE INDEX `devices_lot_idx` ON `devices` (`lot_id`);--> statement-breakpoint
DROP INDEX `moves_source_idx`;--> statement-breakpoint
CREATE INDEX `moves_source_idx` ON `stock_moves` (`source_type`,`source_id`,`source_line`);--> statement-breakpoint
ALTER TABLE `companies` ADD `language` text;--> statement-breakpoint
ALTER TABLE `products` ADD `tracked_in_stock` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `warranty_months` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `inventory_events` ADD `qty` integer;--> statement-breakpoint
ALTER TABLE `inventory_events` ADD `document_type` text;--> statement-breakpoint
ALTER TABLE `inventory_events` ADD `document_id` integer;--> statement-breakpoint
CREATE INDEX `allocations_source_idx` ON `allocations` (`source_type`,`source_id`,`location_id`);