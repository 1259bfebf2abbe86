CREATE TABLE `approval_limits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`amount` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approval_limits_name_unique` ON `approval_limits` (`name`);--> statement-breakpoint
ALTER TABLE `users` ADD `approval_limit_id` integer REFERENCES approval_limits(id);