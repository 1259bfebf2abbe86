CREATE TABLE `client_return_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` integer,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`details` text NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `client_returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_return_events_return_idx` ON `client_return_events` (`return_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `client_return_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` integer NOT NULL,
	`charge_id` integer,
	`delivery_line_id` integer,
	`qty` integer NOT NULL,
	`cost` integer NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `client_returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_line_id`) REFERENCES `delivery_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `client_return_lines_unique` ON `client_return_lines` (`return_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `client_return_lines_charge_idx` ON `client_return_lines` (`charge_id`) WHERE charge_id is not null;--> statement-breakpoint
CREATE INDEX `client_return_lines_delivery_line_idx` ON `client_return_lines` (`delivery_line_id`) WHERE delivery_line_id is not null;--> statement-breakpoint
CREATE TABLE `client_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`company_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`condition` text NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`status` text NOT NULL,
	`credit_charge_id` integer,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `client_returns_number_unique` ON `client_returns` (`number`);--> statement-breakpoint
CREATE INDEX `client_returns_created_idx` ON `client_returns` (`created_at`);--> statement-breakpoint
CREATE INDEX `client_returns_company_idx` ON `client_returns` (`company_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `charges` ADD `returned` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `charges` ADD `returned_cost` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `devices` ADD `return_id` integer REFERENCES client_returns(id);--> statement-breakpoint
ALTER TABLE `devices` ADD `returned_at` integer;--> statement-breakpoint
CREATE INDEX `devices_return_idx` ON `devices` (`return_id`) WHERE return_id is not null;