CREATE TABLE `stock_levels` (
	`product_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`qty` integer NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`product_id`, `location_id`)
);
--> statement-breakpoint
CREATE INDEX `stock_levels_location_idx` ON `stock_levels` (`location_id`,`product_id`);--> statement-breakpoint
INSERT INTO `stock_levels` (`product_id`, `location_id`, `qty`, `value`) SELECT b.`product_id`, b.`location_id`, sum(b.`qty`), sum(b.`qty` * l.`unit_cost`) FROM `balances` b JOIN `lots` l ON l.`id` = b.`lot_id` GROUP BY b.`product_id`, b.`location_id`;
