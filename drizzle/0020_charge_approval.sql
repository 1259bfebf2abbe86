ALTER TABLE `charges` ADD `approved_cost` integer;--> statement-breakpoint
ALTER TABLE `charges` ADD `approved_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `charges` ADD `approved_at` integer;