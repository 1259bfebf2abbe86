ALTER TABLE `purchase_order_lines` ADD `charge_id` integer REFERENCES charges(id);--> statement-breakpoint
CREATE INDEX `po_lines_charge_idx` ON `purchase_order_lines` (`charge_id`) WHERE charge_id is not null;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `receipt_id` integer REFERENCES receipts(id);--> statement-breakpoint
CREATE INDEX `deliveries_receipt_idx` ON `deliveries` (`receipt_id`) WHERE receipt_id is not null;