// What left on a delivery line: the serials of its moves to Customer (reversals aside), in the order they
// left. Read through moves_source_idx (source, document, line). A delivery made by a receipt straight to
// the client has no moves of its own: its serials are those of the devices it created.
import type { Ctx } from '../context';

/** A reader of a delivery line's serials: prepared once for the lines of one answer. */
export function deliveryLineSerials(ctx: Ctx): (deliveryId: number, lineNo: number) => string[] {
  const statement = ctx.sqlite.prepare<[number, number], { serial: string }>(
    `SELECT l.serial_number AS serial FROM stock_moves m JOIN lots l ON l.id = m.lot_id
     WHERE m.source_type = 'delivery' AND m.source_id = ? AND m.source_line = ? AND m.reverses_move_id IS NULL AND l.serial_number IS NOT NULL ORDER BY m.id`,
  );
  const devices = ctx.sqlite.prepare<[number, number], { serial: string }>(
    `SELECT dv.serial_number AS serial FROM devices dv JOIN delivery_lines dl ON dl.id = dv.delivery_line_id
     WHERE dv.delivery_id = ? AND dl.line_no = ? AND dl.delivery_id = dv.delivery_id AND EXISTS (SELECT 1 FROM deliveries d WHERE d.id = dv.delivery_id AND d.receipt_id IS NOT NULL) ORDER BY dv.id`,
  );
  return (deliveryId, lineNo) => {
    const moved = statement.all(deliveryId, lineNo);
    return (moved.length > 0 ? moved : devices.all(deliveryId, lineNo)).map((r) => r.serial);
  };
}

/** A reader of a client return line's serials (its moves from Customer), the first `limit` of them. */
export function returnLineSerials(ctx: Ctx, limit: number): (returnId: number, lineNo: number) => string[] {
  const statement = ctx.sqlite.prepare<[number, number], { serial: string }>(
    `SELECT l.serial_number AS serial FROM stock_moves m JOIN lots l ON l.id = m.lot_id
     WHERE m.source_type = 'return' AND m.source_id = ? AND m.source_line = ? AND l.serial_number IS NOT NULL ORDER BY m.id LIMIT ${limit}`,
  );
  return (returnId, lineNo) => statement.all(returnId, lineNo).map((r) => r.serial);
}
