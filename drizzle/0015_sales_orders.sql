CREATE TABLE `sales_order_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sales_order_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` integer,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`details` text NOT NULL,
	FOREIGN KEY (`sales_order_id`) REFERENCES `sales_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sales_order_events_order_idx` ON `sales_order_events` (`sales_order_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `sales_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`opportunity_id` integer NOT NULL,
	`container_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	`status` text NOT NULL,
	`owner_user_id` integer,
	`cancel_reason` text,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`opportunity_id`) REFERENCES `opportunities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`container_id`) REFERENCES `containers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_orders_number_unique` ON `sales_orders` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `sales_orders_opportunity_id_unique` ON `sales_orders` (`opportunity_id`);--> statement-breakpoint
CREATE INDEX `sales_orders_company_idx` ON `sales_orders` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `sales_orders_status_idx` ON `sales_orders` (`status`,`id`);--> statement-breakpoint
ALTER TABLE `charges` ADD `sales_order_id` integer REFERENCES sales_orders(id);--> statement-breakpoint
ALTER TABLE `charges` ADD `quote_item_id` integer REFERENCES quote_items(id);--> statement-breakpoint
CREATE INDEX `charges_sales_order_idx` ON `charges` (`sales_order_id`,`id`) WHERE sales_order_id is not null;