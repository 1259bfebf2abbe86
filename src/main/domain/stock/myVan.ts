// "My van": a technician's view of their vans (the active vans they own) — what each holds against its
// minimum and maximum, what is picked for their charges, and what is on its way to refill them. Each list
// is cut at LIMIT rows (a van holds a few hundred products at most; the cut is reported, not hidden).
import type { ChannelOutput } from '@shared/contract';
import { prepared, type Actor, type Ctx } from '../context';
import { VIRTUAL } from '../locations/locations';

const LIMIT = 1000;

type MyVan = ChannelOutput<'stock.myVan'>;

export function myVan(ctx: Ctx, actor: Actor): MyVan {
  const user = actor.userId;
  const vans = prepared<[number], MyVan['vans'][number]>(ctx, `SELECT id, name FROM locations WHERE owner_user_id = ? AND kind = 'van' AND active = 1 ORDER BY name`).all(user);
  if (vans.length === 0) {
    const picks = picksFor(ctx, user);
    return { vans, items: [], picks: picks.slice(0, LIMIT), incoming: [], truncated: picks.length > LIMIT };
  }
  const items = prepared<[number], Omit<MyVan['items'][number], 'serialized'> & { serialized: number }>(
    ctx,
    `SELECT ip.id AS inventoryProductId, ip.product_id AS productId, p.sku, p.name AS productName, p.serialized, ip.location_id AS locationId, l.name AS locationName, ip.bin,
            ip.on_hand AS onHand, ip.picked, ip.available, ip.min, ip.max, ip.incoming
     FROM locations l JOIN inventory_products ip INDEXED BY inventory_products_location_idx ON ip.location_id = l.id JOIN products p ON p.id = ip.product_id
     WHERE l.owner_user_id = ? AND l.kind = 'van' AND l.active = 1 AND (ip.on_hand > 0 OR ip.incoming > 0 OR ip.min > 0)
     ORDER BY l.name, p.sku LIMIT ${LIMIT + 1}`,
  )
    .all(user)
    .map((r) => ({ ...r, serialized: r.serialized === 1 }));
  const incoming = prepared<[number], MyVan['incoming'][number]>(
    ctx,
    `SELECT t.id, t.number, f.name AS fromLocationName, l.name AS toLocationName, t.status, t.created_at AS createdAt,
            (SELECT coalesce(sum(CASE WHEN m.to_location_id = ${VIRTUAL.transit} THEN m.qty ELSE -m.qty END), 0) FROM stock_moves m
             WHERE m.source_type = 'transfer' AND m.source_id = t.id AND (m.to_location_id = ${VIRTUAL.transit} OR m.from_location_id = ${VIRTUAL.transit})) AS units
     FROM locations l JOIN transfers t INDEXED BY transfers_to_idx ON t.to_location_id = l.id JOIN locations f ON f.id = t.from_location_id
     WHERE l.owner_user_id = ? AND l.kind = 'van' AND l.active = 1 AND t.status IN ('inTransit', 'partlyReceived')
     ORDER BY t.created_at LIMIT ${LIMIT + 1}`,
  ).all(user);
  const picks = picksFor(ctx, user);
  const truncated = items.length > LIMIT || incoming.length > LIMIT || picks.length > LIMIT;
  return { vans, items: items.slice(0, LIMIT), picks: picks.slice(0, LIMIT), incoming: incoming.slice(0, LIMIT), truncated };
}

/** Units picked for the technician's charges (they own the ticket, project or contract), or picked at their vans; one row per charge and location. */
function picksFor(ctx: Ctx, user: number): MyVan['picks'] {
  return prepared<[number, number], MyVan['picks'][number]>(
    ctx,
    `SELECT c.id AS chargeId, c.number AS chargeNumber, k.id AS containerId, k.number AS containerNumber, k.title AS containerTitle, co.name AS companyName,
            p.sku, p.name AS productName, a.location_id AS locationId, l.name AS locationName, sum(a.qty) AS qty
     FROM allocations a JOIN charges c ON c.id = a.source_id JOIN containers k ON k.id = c.container_id JOIN companies co ON co.id = c.company_id
          JOIN products p ON p.id = a.product_id JOIN locations l ON l.id = a.location_id
     WHERE a.kind = 'picked' AND a.source_type = 'charge' AND (k.owner_user_id = ? OR l.owner_user_id = ?)
     GROUP BY c.id, a.location_id ORDER BY c.number, l.name LIMIT ${LIMIT + 1}`,
  ).all(user, user);
}
