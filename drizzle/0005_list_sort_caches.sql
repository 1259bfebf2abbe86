DROP INDEX `balances_location_received_idx`;--> statement-breakpoint
DROP INDEX `balances_received_idx`;--> statement-breakpoint
ALTER TABLE `products` ADD `on_hand` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `owned_qty` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `owned_value` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `inventory_products` ADD `on_hand` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `inventory_products` ADD `value` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `inventory_products` ADD `reserved` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `inventory_products` ADD `picked` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `inventory_products` ADD `on_order` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `inventory_products` ADD `on_order_drafts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `inventory_products` ADD `back_ordered` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `inventory_products` ADD `available` integer GENERATED ALWAYS AS (on_hand - reserved - picked) VIRTUAL;--> statement-breakpoint
UPDATE `inventory_products` SET
    `on_hand` = coalesce((SELECT s.`qty` FROM `stock_levels` s WHERE s.`product_id` = `inventory_products`.`product_id` AND s.`location_id` = `inventory_products`.`location_id`), 0),
    `value` = coalesce((SELECT s.`value` FROM `stock_levels` s WHERE s.`product_id` = `inventory_products`.`product_id` AND s.`location_id` = `inventory_products`.`location_id`), 0),
    `reserved` = coalesce((SELECT sum(a.`qty`) FROM `allocations` a WHERE a.`product_id` = `inventory_products`.`product_id` AND a.`location_id` = `inventory_products`.`location_id` AND a.`kind` = 'reserved'), 0),
    `picked` = coalesce((SELECT sum(a.`qty`) FROM `allocations` a WHERE a.`product_id` = `inventory_products`.`product_id` AND a.`location_id` = `inventory_products`.`location_id` AND a.`kind` = 'picked'), 0),
    `on_order` = coalesce((SELECT sum(CASE WHEN pl.`receivable` = 1 THEN pl.`qty_ordered` - pl.`qty_canceled` - pl.`qty_received` ELSE 0 END) FROM `purchase_order_lines` pl WHERE pl.`product_id` = `inventory_products`.`product_id` AND pl.`location_id` = `inventory_products`.`location_id`), 0),
    `back_ordered` = coalesce((SELECT sum(CASE WHEN pl.`receivable` = 1 AND pl.`qty_received` > 0 THEN pl.`qty_ordered` - pl.`qty_canceled` - pl.`qty_received` ELSE 0 END) FROM `purchase_order_lines` pl WHERE pl.`product_id` = `inventory_products`.`product_id` AND pl.`location_id` = `inventory_products`.`location_id`), 0),
    `on_order_drafts` = coalesce((SELECT sum(CASE WHEN (SELECT `status` FROM `purchase_orders` WHERE `id` = pl.`po_id`) = 'new' THEN pl.`qty_ordered` - pl.`qty_canceled` - pl.`qty_received` ELSE 0 END) FROM `purchase_order_lines` pl WHERE pl.`product_id` = `inventory_products`.`product_id` AND pl.`location_id` = `inventory_products`.`location_id`), 0);--> statement-breakpoint
UPDATE `products` SET `on_hand` = coalesce((SELECT sum(s.`qty`) FROM `stock_levels` s JOIN `locations` l ON l.`id` = s.`location_id` AND l.`usage` = 'internal' WHERE s.`product_id` = `products`.`id`), 0),
    `owned_qty` = coalesce((SELECT sum(s.`qty`) FROM `stock_levels` s JOIN `locations` l ON l.`id` = s.`location_id` AND (l.`usage` = 'internal' OR l.`id` = 5) WHERE s.`product_id` = `products`.`id`), 0),
    `owned_value` = coalesce((SELECT sum(s.`value`) FROM `stock_levels` s JOIN `locations` l ON l.`id` = s.`location_id` AND (l.`usage` = 'internal' OR l.`id` = 5) WHERE s.`product_id` = `products`.`id`), 0);--> statement-breakpoint
DROP TRIGGER `stock_levels_below_min_insert`;--> statement-breakpoint
DROP TRIGGER `stock_levels_below_min_update`;--> statement-breakpoint
DROP TRIGGER `inventory_products_below_min_insert`;--> statement-breakpoint
CREATE TRIGGER `stock_levels_cache_insert` AFTER INSERT ON `stock_levels` BEGIN
  UPDATE `inventory_products` SET `on_hand` = NEW.`qty`, `value` = NEW.`value`
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id`;
  -- The flag leads every sort index: written only when it changes.
  UPDATE `inventory_products` SET `below_min` = (NEW.`qty` < `min`)
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id` AND `below_min` <> (NEW.`qty` < `min`);
  UPDATE `products` SET `on_hand` = `on_hand` + (CASE WHEN (SELECT `usage` FROM `locations` WHERE `id` = NEW.`location_id`) = 'internal' THEN NEW.`qty` ELSE 0 END),
    `owned_qty` = `owned_qty` + NEW.`qty`, `owned_value` = `owned_value` + NEW.`value`
  WHERE `id` = NEW.`product_id` AND (NEW.`qty` <> 0 OR NEW.`value` <> 0) AND (NEW.`location_id` = 5 OR (SELECT `usage` FROM `locations` WHERE `id` = NEW.`location_id`) = 'internal');
END;--> statement-breakpoint
CREATE TRIGGER `stock_levels_cache_update` AFTER UPDATE ON `stock_levels` BEGIN
  UPDATE `inventory_products` SET `on_hand` = 0, `value` = 0, `below_min` = (0 < `min`)
  WHERE `product_id` = OLD.`product_id` AND `location_id` = OLD.`location_id` AND (OLD.`product_id` <> NEW.`product_id` OR OLD.`location_id` <> NEW.`location_id`);
  UPDATE `inventory_products` SET `on_hand` = NEW.`qty`, `value` = NEW.`value`
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id`;
  -- The flag leads every sort index: written only when it changes.
  UPDATE `inventory_products` SET `below_min` = (NEW.`qty` < `min`)
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id` AND `below_min` <> (NEW.`qty` < `min`);
  UPDATE `products` SET `on_hand` = `on_hand` - (CASE WHEN (SELECT `usage` FROM `locations` WHERE `id` = OLD.`location_id`) = 'internal' THEN OLD.`qty` ELSE 0 END),
    `owned_qty` = `owned_qty` - OLD.`qty`, `owned_value` = `owned_value` - OLD.`value`
  WHERE `id` = OLD.`product_id` AND (OLD.`qty` <> 0 OR OLD.`value` <> 0) AND (OLD.`location_id` = 5 OR (SELECT `usage` FROM `locations` WHERE `id` = OLD.`location_id`) = 'internal');
  UPDATE `products` SET `on_hand` = `on_hand` + (CASE WHEN (SELECT `usage` FROM `locations` WHERE `id` = NEW.`location_id`) = 'internal' THEN NEW.`qty` ELSE 0 END),
    `owned_qty` = `owned_qty` + NEW.`qty`, `owned_value` = `owned_value` + NEW.`value`
  WHERE `id` = NEW.`product_id` AND (NEW.`qty` <> 0 OR NEW.`value` <> 0) AND (NEW.`location_id` = 5 OR (SELECT `usage` FROM `locations` WHERE `id` = NEW.`location_id`) = 'internal');
END;--> statement-breakpoint
CREATE TRIGGER `stock_levels_cache_delete` AFTER DELETE ON `stock_levels` BEGIN
  UPDATE `inventory_products` SET `on_hand` = 0, `value` = 0, `below_min` = (0 < `min`)
  WHERE `product_id` = OLD.`product_id` AND `location_id` = OLD.`location_id`;
  UPDATE `products` SET `on_hand` = `on_hand` - (CASE WHEN (SELECT `usage` FROM `locations` WHERE `id` = OLD.`location_id`) = 'internal' THEN OLD.`qty` ELSE 0 END),
    `owned_qty` = `owned_qty` - OLD.`qty`, `owned_value` = `owned_value` - OLD.`value`
  WHERE `id` = OLD.`product_id` AND (OLD.`qty` <> 0 OR OLD.`value` <> 0) AND (OLD.`location_id` = 5 OR (SELECT `usage` FROM `locations` WHERE `id` = OLD.`location_id`) = 'internal');
END;--> statement-breakpoint
CREATE TRIGGER `inventory_products_cache_insert` AFTER INSERT ON `inventory_products` BEGIN
  UPDATE `inventory_products` SET
    `on_hand` = coalesce((SELECT s.`qty` FROM `stock_levels` s WHERE s.`product_id` = NEW.`product_id` AND s.`location_id` = NEW.`location_id`), 0),
    `value` = coalesce((SELECT s.`value` FROM `stock_levels` s WHERE s.`product_id` = NEW.`product_id` AND s.`location_id` = NEW.`location_id`), 0),
    `reserved` = coalesce((SELECT sum(a.`qty`) FROM `allocations` a WHERE a.`product_id` = NEW.`product_id` AND a.`location_id` = NEW.`location_id` AND a.`kind` = 'reserved'), 0),
    `picked` = coalesce((SELECT sum(a.`qty`) FROM `allocations` a WHERE a.`product_id` = NEW.`product_id` AND a.`location_id` = NEW.`location_id` AND a.`kind` = 'picked'), 0),
    `on_order` = coalesce((SELECT sum(CASE WHEN pl.`receivable` = 1 THEN pl.`qty_ordered` - pl.`qty_canceled` - pl.`qty_received` ELSE 0 END) FROM `purchase_order_lines` pl WHERE pl.`product_id` = NEW.`product_id` AND pl.`location_id` = NEW.`location_id`), 0),
    `back_ordered` = coalesce((SELECT sum(CASE WHEN pl.`receivable` = 1 AND pl.`qty_received` > 0 THEN pl.`qty_ordered` - pl.`qty_canceled` - pl.`qty_received` ELSE 0 END) FROM `purchase_order_lines` pl WHERE pl.`product_id` = NEW.`product_id` AND pl.`location_id` = NEW.`location_id`), 0),
    `on_order_drafts` = coalesce((SELECT sum(CASE WHEN (SELECT `status` FROM `purchase_orders` WHERE `id` = pl.`po_id`) = 'new' THEN pl.`qty_ordered` - pl.`qty_canceled` - pl.`qty_received` ELSE 0 END) FROM `purchase_order_lines` pl WHERE pl.`product_id` = NEW.`product_id` AND pl.`location_id` = NEW.`location_id`), 0),
    `below_min` = (coalesce((SELECT s.`qty` FROM `stock_levels` s WHERE s.`product_id` = NEW.`product_id` AND s.`location_id` = NEW.`location_id`), 0) < NEW.`min`)
  WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `allocations_cache_insert` AFTER INSERT ON `allocations` BEGIN
  UPDATE `inventory_products` SET `reserved` = `reserved` + (CASE WHEN NEW.`kind` = 'reserved' THEN NEW.`qty` ELSE 0 END), `picked` = `picked` + (CASE WHEN NEW.`kind` = 'picked' THEN NEW.`qty` ELSE 0 END)
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id`;
END;--> statement-breakpoint
CREATE TRIGGER `allocations_cache_update` AFTER UPDATE ON `allocations` BEGIN
  UPDATE `inventory_products` SET `reserved` = `reserved` - (CASE WHEN OLD.`kind` = 'reserved' THEN OLD.`qty` ELSE 0 END), `picked` = `picked` - (CASE WHEN OLD.`kind` = 'picked' THEN OLD.`qty` ELSE 0 END)
  WHERE `product_id` = OLD.`product_id` AND `location_id` = OLD.`location_id`;
  UPDATE `inventory_products` SET `reserved` = `reserved` + (CASE WHEN NEW.`kind` = 'reserved' THEN NEW.`qty` ELSE 0 END), `picked` = `picked` + (CASE WHEN NEW.`kind` = 'picked' THEN NEW.`qty` ELSE 0 END)
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id`;
END;--> statement-breakpoint
CREATE TRIGGER `allocations_cache_delete` AFTER DELETE ON `allocations` BEGIN
  UPDATE `inventory_products` SET `reserved` = `reserved` - (CASE WHEN OLD.`kind` = 'reserved' THEN OLD.`qty` ELSE 0 END), `picked` = `picked` - (CASE WHEN OLD.`kind` = 'picked' THEN OLD.`qty` ELSE 0 END)
  WHERE `product_id` = OLD.`product_id` AND `location_id` = OLD.`location_id`;
END;--> statement-breakpoint
CREATE TRIGGER `po_lines_cache_insert` AFTER INSERT ON `purchase_order_lines` BEGIN
  UPDATE `inventory_products` SET `on_order` = `on_order` + (CASE WHEN NEW.`receivable` = 1 THEN NEW.`qty_ordered` - NEW.`qty_canceled` - NEW.`qty_received` ELSE 0 END), `back_ordered` = `back_ordered` + (CASE WHEN NEW.`receivable` = 1 AND NEW.`qty_received` > 0 THEN NEW.`qty_ordered` - NEW.`qty_canceled` - NEW.`qty_received` ELSE 0 END),
    `on_order_drafts` = `on_order_drafts` + (CASE WHEN (SELECT `status` FROM `purchase_orders` WHERE `id` = NEW.`po_id`) = 'new' THEN NEW.`qty_ordered` - NEW.`qty_canceled` - NEW.`qty_received` ELSE 0 END)
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id`;
END;--> statement-breakpoint
CREATE TRIGGER `po_lines_cache_update` AFTER UPDATE OF `po_id`, `product_id`, `location_id`, `qty_ordered`, `qty_canceled`, `qty_received`, `receivable` ON `purchase_order_lines` BEGIN
  UPDATE `inventory_products` SET `on_order` = `on_order` - (CASE WHEN OLD.`receivable` = 1 THEN OLD.`qty_ordered` - OLD.`qty_canceled` - OLD.`qty_received` ELSE 0 END), `back_ordered` = `back_ordered` - (CASE WHEN OLD.`receivable` = 1 AND OLD.`qty_received` > 0 THEN OLD.`qty_ordered` - OLD.`qty_canceled` - OLD.`qty_received` ELSE 0 END),
    `on_order_drafts` = `on_order_drafts` - (CASE WHEN (SELECT `status` FROM `purchase_orders` WHERE `id` = OLD.`po_id`) = 'new' THEN OLD.`qty_ordered` - OLD.`qty_canceled` - OLD.`qty_received` ELSE 0 END)
  WHERE `product_id` = OLD.`product_id` AND `location_id` = OLD.`location_id`;
  UPDATE `inventory_products` SET `on_order` = `on_order` + (CASE WHEN NEW.`receivable` = 1 THEN NEW.`qty_ordered` - NEW.`qty_canceled` - NEW.`qty_received` ELSE 0 END), `back_ordered` = `back_ordered` + (CASE WHEN NEW.`receivable` = 1 AND NEW.`qty_received` > 0 THEN NEW.`qty_ordered` - NEW.`qty_canceled` - NEW.`qty_received` ELSE 0 END),
    `on_order_drafts` = `on_order_drafts` + (CASE WHEN (SELECT `status` FROM `purchase_orders` WHERE `id` = NEW.`po_id`) = 'new' THEN NEW.`qty_ordered` - NEW.`qty_canceled` - NEW.`qty_received` ELSE 0 END)
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id`;
END;--> statement-breakpoint
CREATE TRIGGER `po_lines_cache_delete` AFTER DELETE ON `purchase_order_lines` BEGIN
  UPDATE `inventory_products` SET `on_order` = `on_order` - (CASE WHEN OLD.`receivable` = 1 THEN OLD.`qty_ordered` - OLD.`qty_canceled` - OLD.`qty_received` ELSE 0 END), `back_ordered` = `back_ordered` - (CASE WHEN OLD.`receivable` = 1 AND OLD.`qty_received` > 0 THEN OLD.`qty_ordered` - OLD.`qty_canceled` - OLD.`qty_received` ELSE 0 END),
    `on_order_drafts` = `on_order_drafts` - (CASE WHEN (SELECT `status` FROM `purchase_orders` WHERE `id` = OLD.`po_id`) = 'new' THEN OLD.`qty_ordered` - OLD.`qty_canceled` - OLD.`qty_received` ELSE 0 END)
  WHERE `product_id` = OLD.`product_id` AND `location_id` = OLD.`location_id`;
END;--> statement-breakpoint
CREATE TRIGGER `purchase_orders_drafts_cache` AFTER UPDATE OF `status` ON `purchase_orders` WHEN (OLD.`status` = 'new') <> (NEW.`status` = 'new') BEGIN
  UPDATE `inventory_products` SET `on_order_drafts` = `on_order_drafts` + (CASE WHEN NEW.`status` = 'new' THEN 1 ELSE -1 END) * coalesce((
      SELECT sum(pl.`qty_ordered` - pl.`qty_canceled` - pl.`qty_received`) FROM `purchase_order_lines` pl
      WHERE pl.`po_id` = NEW.`id` AND pl.`product_id` = `inventory_products`.`product_id` AND pl.`location_id` = `inventory_products`.`location_id`), 0)
  WHERE `id` IN (SELECT ip.`id` FROM `purchase_order_lines` pl JOIN `inventory_products` ip ON ip.`product_id` = pl.`product_id` AND ip.`location_id` = pl.`location_id` WHERE pl.`po_id` = NEW.`id`);
END;--> statement-breakpoint
CREATE INDEX `balances_qty_idx` ON `balances` ("qty" + 0,`lot_id`,`location_id`) WHERE qty > 0;--> statement-breakpoint
CREATE INDEX `balances_location_qty_idx` ON `balances` (`location_id`,"qty" + 0,`lot_id`) WHERE qty > 0;--> statement-breakpoint
CREATE INDEX `balances_location_lot_idx` ON `balances` (`location_id`,`lot_id`) WHERE qty > 0;--> statement-breakpoint
CREATE INDEX `balances_location_received_idx` ON `balances` (`location_id`,`received_at`,`lot_id`);--> statement-breakpoint
CREATE INDEX `balances_received_idx` ON `balances` (`received_at`,`lot_id`,`location_id`);--> statement-breakpoint
CREATE INDEX `products_unit_cost_idx` ON `products` (`unit_cost`);--> statement-breakpoint
CREATE INDEX `products_unit_price_idx` ON `products` (`unit_price`);--> statement-breakpoint
CREATE INDEX `products_on_hand_idx` ON `products` (`on_hand`);--> statement-breakpoint
CREATE INDEX `products_serialized_active_idx` ON `products` (`serialized`,`active`);--> statement-breakpoint
CREATE INDEX `products_owned_value_idx` ON `products` ("owned_value" desc,`sku`,`owned_qty`);--> statement-breakpoint
CREATE INDEX `products_sku_lower_idx` ON `products` (lower("sku"));--> statement-breakpoint
CREATE INDEX `inventory_products_below_min_product_idx` ON `inventory_products` (`product_id`) WHERE below_min = 1;--> statement-breakpoint
CREATE INDEX `inventory_products_bin_idx` ON `inventory_products` (`below_min`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_bin_idx` ON `inventory_products` (`location_id`,`below_min`,`bin`);--> statement-breakpoint
CREATE INDEX `inventory_products_min_idx` ON `inventory_products` (`below_min`,`min`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_min_idx` ON `inventory_products` (`location_id`,`below_min`,`min`);--> statement-breakpoint
CREATE INDEX `inventory_products_max_idx` ON `inventory_products` (`below_min`,`max`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_max_idx` ON `inventory_products` (`location_id`,`below_min`,`max`);--> statement-breakpoint
CREATE INDEX `inventory_products_on_hand_idx` ON `inventory_products` (`below_min`,`on_hand`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_on_hand_idx` ON `inventory_products` (`location_id`,`below_min`,`on_hand`);--> statement-breakpoint
CREATE INDEX `inventory_products_available_idx` ON `inventory_products` (`below_min`,`available`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_available_idx` ON `inventory_products` (`location_id`,`below_min`,`available`);--> statement-breakpoint
CREATE INDEX `inventory_products_on_order_idx` ON `inventory_products` (`below_min`,`on_order`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_on_order_idx` ON `inventory_products` (`location_id`,`below_min`,`on_order`);--> statement-breakpoint
CREATE INDEX `inventory_products_back_ordered_idx` ON `inventory_products` (`below_min`,`back_ordered`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_back_ordered_idx` ON `inventory_products` (`location_id`,`below_min`,`back_ordered`);--> statement-breakpoint
CREATE INDEX `inventory_products_value_idx` ON `inventory_products` (`below_min`,`value`);--> statement-breakpoint
CREATE INDEX `inventory_products_location_value_idx` ON `inventory_products` (`location_id`,`below_min`,`value`);--> statement-breakpoint
CREATE INDEX `inventory_products_bin_lower_idx` ON `inventory_products` (lower("bin"));--> statement-breakpoint
CREATE INDEX `inventory_events_location_idx` ON `inventory_events` (`location_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `inventory_events_user_idx` ON `inventory_events` (`user_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `inventory_events_serial_idx` ON `inventory_events` (`serial_number`) WHERE serial_number is not null;--> statement-breakpoint
CREATE INDEX `inventory_events_lot_idx` ON `inventory_events` (`lot_id`) WHERE lot_id is not null;--> statement-breakpoint
CREATE INDEX `stock_levels_location_value_idx` ON `stock_levels` (`location_id`,`value`,`qty`);--> statement-breakpoint
CREATE INDEX `moves_from_user_idx` ON `stock_moves` (`from_location_id`,`user_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `moves_to_user_idx` ON `stock_moves` (`to_location_id`,`user_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `transfers_status_idx` ON `transfers` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `transfers_from_idx` ON `transfers` (`from_location_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `transfers_to_idx` ON `transfers` (`to_location_id`,`created_at`);
