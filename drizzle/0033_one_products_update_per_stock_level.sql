-- A stock level that changes (every write the ledger makes: the same product and location, new totals) moves
-- the product's cached figures by the difference, in one update of the product instead of two (its old
-- totals taken off, the new ones put on). Each update of a product rewrites its entries in the on-hand and
-- owned-value indexes: a 5,000-line transfer wrote 20,000 product updates where 10,000 say the same. The
-- difference is taken first, so totals near the 64-bit limit do not overflow on the way.
DROP TRIGGER `stock_levels_cache_update`;--> statement-breakpoint
CREATE TRIGGER `stock_levels_cache_update` AFTER UPDATE ON `stock_levels`
WHEN OLD.`product_id` = NEW.`product_id` AND OLD.`location_id` = NEW.`location_id` BEGIN
  UPDATE `inventory_products` SET `on_hand` = NEW.`qty`, `value` = NEW.`value`
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id`;
  -- The flag leads every sort index: written only when it changes.
  UPDATE `inventory_products` SET `below_min` = (NEW.`qty` < `min`)
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id` AND `below_min` <> (NEW.`qty` < `min`);
  UPDATE `products` SET `on_hand` = `on_hand` + (CASE WHEN (SELECT `usage` FROM `locations` WHERE `id` = NEW.`location_id`) = 'internal' THEN NEW.`qty` - OLD.`qty` ELSE 0 END),
    `owned_qty` = `owned_qty` + (NEW.`qty` - OLD.`qty`), `owned_value` = `owned_value` + (NEW.`value` - OLD.`value`)
  WHERE `id` = NEW.`product_id` AND (NEW.`qty` <> OLD.`qty` OR NEW.`value` <> OLD.`value`) AND (NEW.`location_id` = 5 OR (SELECT `usage` FROM `locations` WHERE `id` = NEW.`location_id`) = 'internal');
END;--> statement-breakpoint
-- A level moved to another product or location (nothing writes one so today): its totals leave the old
-- inventory product and product and reach the new ones, as before.
CREATE TRIGGER `stock_levels_cache_rekey` AFTER UPDATE ON `stock_levels`
WHEN OLD.`product_id` <> NEW.`product_id` OR OLD.`location_id` <> NEW.`location_id` BEGIN
  UPDATE `inventory_products` SET `on_hand` = 0, `value` = 0, `below_min` = (0 < `min`)
  WHERE `product_id` = OLD.`product_id` AND `location_id` = OLD.`location_id`;
  UPDATE `inventory_products` SET `on_hand` = NEW.`qty`, `value` = NEW.`value`
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id`;
  UPDATE `inventory_products` SET `below_min` = (NEW.`qty` < `min`)
  WHERE `product_id` = NEW.`product_id` AND `location_id` = NEW.`location_id` AND `below_min` <> (NEW.`qty` < `min`);
  UPDATE `products` SET `on_hand` = `on_hand` - (CASE WHEN (SELECT `usage` FROM `locations` WHERE `id` = OLD.`location_id`) = 'internal' THEN OLD.`qty` ELSE 0 END),
    `owned_qty` = `owned_qty` - OLD.`qty`, `owned_value` = `owned_value` - OLD.`value`
  WHERE `id` = OLD.`product_id` AND (OLD.`qty` <> 0 OR OLD.`value` <> 0) AND (OLD.`location_id` = 5 OR (SELECT `usage` FROM `locations` WHERE `id` = OLD.`location_id`) = 'internal');
  UPDATE `products` SET `on_hand` = `on_hand` + (CASE WHEN (SELECT `usage` FROM `locations` WHERE `id` = NEW.`location_id`) = 'internal' THEN NEW.`qty` ELSE 0 END),
    `owned_qty` = `owned_qty` + NEW.`qty`, `owned_value` = `owned_value` + NEW.`value`
  WHERE `id` = NEW.`product_id` AND (NEW.`qty` <> 0 OR NEW.`value` <> 0) AND (NEW.`location_id` = 5 OR (SELECT `usage` FROM `locations` WHERE `id` = NEW.`location_id`) = 'internal');
END;
