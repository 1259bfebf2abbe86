CREATE TABLE `roles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`name` text NOT NULL,
	`permissions` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roles_key_unique` ON `roles` (`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `roles_name_unique` ON `roles` (`name`);--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` integer NOT NULL,
	`role_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `role_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `user_roles_role_idx` ON `user_roles` (`role_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `purchasing_team` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- The built-in security levels (the Administrator level is the user's administrator switch: every permission). Users keep the permissions they had, now as their own.
INSERT INTO `roles` (`key`, `name`, `permissions`, `created_at`) VALUES
  ('purchasing', 'Purchasing', '["inventory.view","catalog.manage","purchasing.manage","purchasing.receive","costs.view","stock.anyLocation"]', 0),
  ('approver', 'Approver', '["inventory.view","purchasing.approve","costs.view"]', 0),
  ('warehouse', 'Warehouse', '["inventory.view","inventory.edit","stock.adjust","stock.transfer","stock.count","stock.pick","stock.deliver","purchasing.receive","stock.anyLocation"]', 0),
  ('technician', 'Technician', '["inventory.view","stock.transfer","stock.count","stock.pick","stock.deliver"]', 0),
  ('sales', 'Sales', '["inventory.view","sales.manage"]', 0),
  ('readOnly', 'Read-only', '["inventory.view"]', 0);
