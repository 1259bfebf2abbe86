// What left on a delivery line: the serials of its moves to Customer (reversals aside), in the order they
// left. Read through moves_source_idx (source, document, line).
import type { Ctx } from '../context';

/** A reader of a delivery line's serials: prepared once for the lines of one answer. */
export function deliveryLineSerials(ctx: Ctx): (deliveryId: number, lineNo: number) => string[] {
  const statement = ctx.sqlite.prepare<[number, number], { serial: string }>(
    `SELECT l.serial_number AS serial FROM stock_moves m JOIN lots l ON l.id = m.lot_id
     WHERE m.source_type = 'delivery' AND m.source_id = ? AND m.source_line = ? AND m.reverses_move_id IS NULL AND l.serial_number IS NOT NULL ORDER BY m.id`,
  );
  return (deliveryId, lineNo) => statement.all(deliveryId, lineNo).map((r) => r.serial);
}
