CREATE TABLE `location_grants` (
	`user_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `location_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `location_grants_location_idx` ON `location_grants` (`location_id`);--> statement-breakpoint
-- Everyone but the users who own a van keeps working at every location, as before; a van's owner now works at their vans and the locations granted to them.
UPDATE `users` SET `permissions` = json_insert(`permissions`, '$[#]', 'stock.anyLocation') WHERE `is_admin` = 0 AND `id` NOT IN (SELECT `owner_user_id` FROM `locations` WHERE `owner_user_id` IS NOT NULL);
