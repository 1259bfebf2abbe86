DROP INDEX `moves_lot_idx`;--> statement-breakpoint
CREATE INDEX `moves_lot_idx` ON `stock_moves` (`lot_id`,`to_location_id`,`from_location_id`,`qty`);