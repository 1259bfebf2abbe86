CREATE INDEX `allocations_picked_location_idx` ON `allocations` (`location_id`,`source_id`) WHERE source_type = 'charge' AND kind = 'picked';--> statement-breakpoint
CREATE INDEX `charges_open_company_idx` ON `charges` (`company_id`,`id`) WHERE picked > 0;--> statement-breakpoint
CREATE INDEX `charges_open_product_idx` ON `charges` (`product_id`,`id`) WHERE picked > 0;