CREATE TABLE `adjustment_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`adjustment_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` integer,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`details` text NOT NULL,
	FOREIGN KEY (`adjustment_id`) REFERENCES `adjustments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `adjustment_events_adjustment_idx` ON `adjustment_events` (`adjustment_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `stocktake_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stocktake_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` integer,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`details` text NOT NULL,
	FOREIGN KEY (`stocktake_id`) REFERENCES `stocktakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stocktake_events_stocktake_idx` ON `stocktake_events` (`stocktake_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `transfer_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`transfer_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` integer,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`details` text NOT NULL,
	FOREIGN KEY (`transfer_id`) REFERENCES `transfers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transfer_events_transfer_idx` ON `transfer_events` (`transfer_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `receipt_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` integer,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`details` text NOT NULL,
	FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `receipt_events_receipt_idx` ON `receipt_events` (`receipt_id`,`occurred_at`);--> statement-breakpoint
ALTER TABLE `purchase_order_events` ADD `from_state` text;--> statement-breakpoint
ALTER TABLE `purchase_order_events` ADD `to_state` text;