CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`event` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`given_up_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mail_outbox_due_idx` ON `mail_outbox` (`next_attempt_at`) WHERE sent_at IS NULL AND given_up_at IS NULL;--> statement-breakpoint
CREATE INDEX `mail_outbox_given_up_idx` ON `mail_outbox` (`id`) WHERE given_up_at IS NOT NULL;--> statement-breakpoint
CREATE TABLE `notification_marks` (
	`kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`told` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`kind`, `subject_id`)
);
--> statement-breakpoint
CREATE INDEX `notification_marks_untold_idx` ON `notification_marks` (`kind`) WHERE told = 0;--> statement-breakpoint
ALTER TABLE `users` ADD `email` text;--> statement-breakpoint
ALTER TABLE `users` ADD `language` text DEFAULT 'es' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `email_muted` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Products already below their minimum were known before notifications existed: marked as told.
INSERT INTO `notification_marks` (`kind`, `subject_id`, `created_at`, `told`) SELECT 'belowMin', `id`, 0, 1 FROM `inventory_products` WHERE `below_min` = 1;--> statement-breakpoint
-- A product falling below its minimum is marked to be told by the action that made it fall (notify.ts);
-- climbing back clears the mark, so a later fall is told again.
CREATE TRIGGER `inventory_products_below_min_mark` AFTER UPDATE OF `below_min` ON `inventory_products` WHEN NEW.`below_min` = 1 AND OLD.`below_min` = 0 BEGIN
  INSERT OR IGNORE INTO `notification_marks` (`kind`, `subject_id`, `created_at`, `told`) VALUES ('belowMin', NEW.`id`, 0, 0);
END;--> statement-breakpoint
CREATE TRIGGER `inventory_products_below_min_unmark` AFTER UPDATE OF `below_min` ON `inventory_products` WHEN NEW.`below_min` = 0 AND OLD.`below_min` = 1 BEGIN
  DELETE FROM `notification_marks` WHERE `kind` = 'belowMin' AND `subject_id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `inventory_products_delete_mark` AFTER DELETE ON `inventory_products` BEGIN
  DELETE FROM `notification_marks` WHERE `kind` = 'belowMin' AND `subject_id` = OLD.`id`;
END;
