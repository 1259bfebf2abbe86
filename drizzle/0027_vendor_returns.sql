CREATE TABLE `vendor_return_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` integer,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`details` text NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `vendor_returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vendor_return_events_return_idx` ON `vendor_return_events` (`return_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `vendor_return_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`qty` integer NOT NULL,
	`unit_cost` integer NOT NULL,
	`qty_credited` integer DEFAULT 0 NOT NULL,
	`qty_replaced` integer DEFAULT 0 NOT NULL,
	`qty_back` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `vendor_returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vendor_return_lines_unique` ON `vendor_return_lines` (`return_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `vendor_return_lines_lot_idx` ON `vendor_return_lines` (`lot_id`);--> statement-breakpoint
CREATE TABLE `vendor_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`vendor_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`reason` text NOT NULL,
	`vendor_rma_number` text NOT NULL,
	`tracking_number` text,
	`expected_by` text,
	`note` text,
	`credit_total` integer DEFAULT 0 NOT NULL,
	`credit_note_number` text,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`vendor_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vendor_returns_number_unique` ON `vendor_returns` (`number`);--> statement-breakpoint
CREATE INDEX `vendor_returns_created_idx` ON `vendor_returns` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `vendor_returns_vendor_idx` ON `vendor_returns` (`vendor_id`,`id`);--> statement-breakpoint
CREATE INDEX `vendor_returns_status_idx` ON `vendor_returns` (`status`,`id`);--> statement-breakpoint
-- An open RMA holds the unit it has on our shelf (domain/rma/rmas.ts): RMAs opened before that rule get their
-- reservation now, where the unit is still on hand and held by nothing else (one RMA per unit: the latest).
INSERT INTO `allocations` (`lot_id`, `location_id`, `product_id`, `qty`, `kind`, `source_type`, `source_id`, `created_at`)
SELECT b.`lot_id`, b.`location_id`, b.`product_id`, 1, 'reserved', 'rma', max(r.`id`), max(r.`updated_at`)
FROM `rmas` r
JOIN `balances` b ON b.`lot_id` = (CASE WHEN r.`status` = 'replacementReceived' THEN r.`replacement_lot_id` ELSE r.`lot_id` END) AND b.`qty` > 0
JOIN `locations` loc ON loc.`id` = b.`location_id` AND loc.`usage` = 'internal'
WHERE (r.`status` IN ('received', 'backFromVendor', 'replacementReceived') OR (r.`from_swap` = 1 AND r.`status` IN ('requested', 'authorized')))
  AND NOT EXISTS (SELECT 1 FROM `allocations` a WHERE a.`lot_id` = b.`lot_id` AND a.`location_id` = b.`location_id`)
GROUP BY b.`lot_id`, b.`location_id`;
