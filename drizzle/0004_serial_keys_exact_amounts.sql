CREATE TABLE `serial_clashes` (
	`lot_id` integer PRIMARY KEY NOT NULL,
	`product_id` integer NOT NULL,
	`serial_key` text NOT NULL,
	`kept_lot_id` integer NOT NULL,
	`detected_at` integer NOT NULL,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kept_lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `lots_voided_serial_idx`;--> statement-breakpoint
ALTER TABLE `lots` ADD `serial_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `lots_serial_key_unique` ON `lots` (`serial_key`,`product_id`) WHERE serial_number is not null;--> statement-breakpoint
CREATE INDEX `lots_voided_serial_key_idx` ON `lots` (`serial_key`) WHERE voided_serial_number is not null;--> statement-breakpoint
CREATE INDEX `lots_unkeyed_serial_idx` ON `lots` (`id`) WHERE serial_key is null and (serial_number is not null or voided_serial_number is not null);--> statement-breakpoint
-- SQLite turns an integer sum that passes 64 bits into an inexact REAL: refuse it, the action rolls back.
CREATE TRIGGER `stock_levels_exact_insert` BEFORE INSERT ON `stock_levels` WHEN typeof(NEW.`value`) <> 'integer' OR typeof(NEW.`qty`) <> 'integer' BEGIN SELECT RAISE(ABORT, 'AMOUNT_OUT_OF_RANGE'); END;
--> statement-breakpoint
CREATE TRIGGER `stock_levels_exact_update` BEFORE UPDATE ON `stock_levels` WHEN typeof(NEW.`value`) <> 'integer' OR typeof(NEW.`qty`) <> 'integer' BEGIN SELECT RAISE(ABORT, 'AMOUNT_OUT_OF_RANGE'); END;
--> statement-breakpoint
CREATE TRIGGER `stock_value_months_exact_insert` BEFORE INSERT ON `stock_value_months` WHEN typeof(NEW.`value`) <> 'integer' OR typeof(NEW.`qty`) <> 'integer' BEGIN SELECT RAISE(ABORT, 'AMOUNT_OUT_OF_RANGE'); END;
--> statement-breakpoint
CREATE TRIGGER `stock_value_months_exact_update` BEFORE UPDATE ON `stock_value_months` WHEN typeof(NEW.`value`) <> 'integer' OR typeof(NEW.`qty`) <> 'integer' BEGIN SELECT RAISE(ABORT, 'AMOUNT_OUT_OF_RANGE'); END;
