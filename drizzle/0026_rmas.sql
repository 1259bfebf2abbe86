CREATE TABLE `rma_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rma_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` integer,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`details` text NOT NULL,
	FOREIGN KEY (`rma_id`) REFERENCES `rmas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rma_events_rma_idx` ON `rma_events` (`rma_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `rmas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`company_id` integer NOT NULL,
	`device_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`charge_id` integer,
	`container_id` integer,
	`fault` text NOT NULL,
	`vendor_id` integer,
	`vendor_rma_number` text,
	`tracking_to_vendor` text,
	`tracking_from_vendor` text,
	`expected_from_client` text,
	`expected_from_vendor` text,
	`location_id` integer,
	`return_id` integer,
	`credit_charge_id` integer,
	`replacement_lot_id` integer,
	`vendor_fee` integer,
	`vendor_credited` integer,
	`from_swap` integer DEFAULT false NOT NULL,
	`delivery_id` integer,
	`note` text,
	`reject_reason` text,
	`cancel_reason` text,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`container_id`) REFERENCES `containers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_id`) REFERENCES `client_returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_charge_id`) REFERENCES `charges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replacement_lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rmas_number_unique` ON `rmas` (`number`);--> statement-breakpoint
CREATE INDEX `rmas_created_idx` ON `rmas` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `rmas_status_idx` ON `rmas` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `rmas_company_idx` ON `rmas` (`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `rmas_device_idx` ON `rmas` (`device_id`);--> statement-breakpoint
CREATE INDEX `rmas_waiting_client_idx` ON `rmas` (`expected_from_client`) WHERE status IN ('requested', 'authorized');--> statement-breakpoint
CREATE INDEX `rmas_waiting_vendor_idx` ON `rmas` (`expected_from_vendor`) WHERE status = 'sentToVendor';--> statement-breakpoint
CREATE INDEX `devices_charge_idx` ON `devices` (`charge_id`,`id`) WHERE charge_id is not null;