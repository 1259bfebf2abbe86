DROP INDEX `products_category_idx`;--> statement-breakpoint
CREATE INDEX `products_category_walk_idx` ON `products` (`category_id`,`id`,`active`);