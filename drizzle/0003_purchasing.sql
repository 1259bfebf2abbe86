CREATE TABLE `purchase_order_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`po_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_id` integer,
	`type` text NOT NULL,
	`details` text NOT NULL,
	FOREIGN KEY (`po_id`) REFERENCES `purchase_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `po_events_po_idx` ON `purchase_order_events` (`po_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `purchase_order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`po_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` integer NOT NULL,
	`description` text NOT NULL,
	`vendor_part_number` text,
	`qty_ordered` integer NOT NULL,
	`qty_received` integer DEFAULT 0 NOT NULL,
	`qty_canceled` integer DEFAULT 0 NOT NULL,
	`unit_cost` integer NOT NULL,
	`location_id` integer NOT NULL,
	`estimated_arrival` text,
	`receivable` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`po_id`) REFERENCES `purchase_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `po_lines_po_idx` ON `purchase_order_lines` (`po_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `po_lines_product_idx` ON `purchase_order_lines` (`product_id`,`location_id`);--> statement-breakpoint
CREATE INDEX `po_lines_receivable_idx` ON `purchase_order_lines` (`po_id`,`line_no`) WHERE receivable = 1;--> statement-breakpoint
CREATE TABLE `purchase_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`approval_status` text DEFAULT 'none' NOT NULL,
	`vendor_id` integer NOT NULL,
	`purchase_for_company_id` integer,
	`ship_to_name` text,
	`ship_to_address` text,
	`shipping_type` text,
	`expected_ship_date` text,
	`freight` integer DEFAULT 0 NOT NULL,
	`payment_terms` text,
	`memo` text,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_by` integer,
	`submitted_at` integer,
	`approval_by` integer,
	`approval_at` integer,
	`approval_note` text,
	`canceled_by` integer,
	`canceled_at` integer,
	`cancel_reason` text,
	FOREIGN KEY (`vendor_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purchase_for_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approval_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`canceled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_orders_number_unique` ON `purchase_orders` (`number`);--> statement-breakpoint
CREATE INDEX `purchase_orders_created_idx` ON `purchase_orders` (`created_at`);--> statement-breakpoint
CREATE INDEX `purchase_orders_status_idx` ON `purchase_orders` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `purchase_orders_vendor_idx` ON `purchase_orders` (`vendor_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `purchase_orders_approval_idx` ON `purchase_orders` (`created_at`) WHERE approval_status = 'requested';--> statement-breakpoint
CREATE TABLE `receipt_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_id` integer NOT NULL,
	`po_id` integer NOT NULL,
	`po_line_id` integer NOT NULL,
	`qty` integer NOT NULL,
	`unit_cost` integer NOT NULL,
	`landed_unit_cost` integer NOT NULL,
	`location_id` integer NOT NULL,
	`company_id` integer,
	`vendor_invoice_number` text,
	FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`po_id`) REFERENCES `purchase_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`po_line_id`) REFERENCES `purchase_order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `receipt_lines_receipt_idx` ON `receipt_lines` (`receipt_id`);--> statement-breakpoint
CREATE INDEX `receipt_lines_po_idx` ON `receipt_lines` (`po_id`);--> statement-breakpoint
CREATE INDEX `receipt_lines_po_line_idx` ON `receipt_lines` (`po_line_id`);--> statement-breakpoint
CREATE TABLE `receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`freight` integer DEFAULT 0 NOT NULL,
	`split_freight` integer DEFAULT false NOT NULL,
	`note` text,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`canceled_by` integer,
	`canceled_at` integer,
	`cancel_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`canceled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_number_unique` ON `receipts` (`number`);--> statement-breakpoint
CREATE INDEX `receipts_created_idx` ON `receipts` (`created_at`);--> statement-breakpoint
ALTER TABLE `lots` ADD `voided_serial_number` text;--> statement-breakpoint
CREATE INDEX `lots_voided_serial_idx` ON `lots` (`voided_serial_number`) WHERE voided_serial_number is not null;