ALTER TABLE `stock_moves` ADD `grouped_in` integer;--> statement-breakpoint
CREATE INDEX `moves_grouped_idx` ON `stock_moves` (`grouped_in`) WHERE grouped_in is not null;--> statement-breakpoint
-- Moves already written: each plain product's moves of one document line, ends and moment name the first.
UPDATE `stock_moves` SET `grouped_in` = g.`head`
FROM (
  SELECT m.`id`, min(m.`id`) OVER (PARTITION BY m.`source_type`, m.`source_id`, m.`source_line`, m.`product_id`, m.`from_location_id`, m.`to_location_id`, m.`occurred_at`, m.`reverses_move_id` IS NULL) AS `head`
  FROM `stock_moves` m JOIN `lots` l ON l.`id` = m.`lot_id`
  WHERE l.`serial_number` IS NULL AND l.`voided_serial_number` IS NULL
) g
WHERE g.`id` = `stock_moves`.`id` AND g.`head` < g.`id`;
