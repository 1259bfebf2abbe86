// Nothing but the transition module writes a status column: this reads every source file of the main
// process (tests aside) for SQL or drizzle that sets or inserts a column named status or *_status.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const statusColumn = /(?:^|[^\w])[`"[]?(?:\w+_)?status[`"\]]?(?![\w])/i;

interface Finding {
  index: number;
  text: string;
}

/** Where `source` writes a status column in SQL text or through drizzle. */
function statusWrites(source: string): Finding[] {
  const found: Finding[] = [];
  const scan = (pattern: RegExp, test: (part: string) => boolean) => {
    for (const m of source.matchAll(pattern)) if (test(m[1] ?? '')) found.push({ index: m.index, text: m[0].replace(/\s+/g, ' ').slice(0, 120) });
  };
  // The SET clause of an UPDATE (or an upsert's DO UPDATE), up to where it ends: WHERE, RETURNING, FROM,
  // the end of the statement, or the call that runs it (not at a quote: identifiers may be quoted).
  const setClause = String.raw`SET\s+([\s\S]{0,600}?)(?:\bWHERE\b|\bRETURNING\b|\bFROM\b|;|\)\s*\.|$)`;
  scan(new RegExp(String.raw`\bUPDATE\s+(?:OR\s+\w+\s+)?\S+\s+${setClause}`, 'gi'), (set) => new RegExp(String.raw`${statusColumn.source}\s*=`, 'i').test(set));
  scan(new RegExp(String.raw`\bDO\s+UPDATE\s+${setClause}`, 'gi'), (set) => new RegExp(String.raw`${statusColumn.source}\s*=`, 'i').test(set));
  // The column list of an INSERT or REPLACE.
  scan(/\b(?:INSERT(?:\s+OR\s+\w+)?|REPLACE)\s+INTO\s+\S+\s*\(([^)]*)\)/gi, (columns) => statusColumn.test(columns));
  // drizzle: .set({ status: … }) and .values({ … approvalStatus: … }).
  scan(/\.(?:set|values)\(\s*\{([^}]*)\}/g, (fields) => /(?:^|[\s,{])\w*[sS]tatus\s*:/.test(fields));
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('status columns', () => {
  it('are written by the transition module only', () => {
    const main = join(import.meta.dirname, '..', '..');
    const allowed = join(main, 'domain', 'workflow') + sep;
    const files = sourceFiles(main).filter((f) => !f.startsWith(allowed));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return statusWrites(source).map((f) => `${relative(main, file)}:${source.slice(0, f.index).split('\n').length}: ${f.text}`);
    });
    expect(offenders).toEqual([]);
  });

  it('are found in every form this check knows', () => {
    const writes = [
      "UPDATE purchase_orders SET status = 'submitted', updated_at = ? WHERE id = ?",
      "UPDATE ${table} SET note = 'x', status = 'reversed' WHERE id = ?",
      'UPDATE purchase_orders SET approval_status = ?, approval_by = NULL WHERE id = ?',
      'update receipts set `status` = ? where id = ?',
      'UPDATE transfers SET\n  received_at = ?,\n  "status" = ?\n WHERE id = ?',
      "ctx.sqlite.prepare('UPDATE stocktakes SET status = ?').run(s)",
      "UPDATE OR IGNORE adjustments SET status = 'reversed'",
      "INSERT INTO stocktakes (number, location_id, status, note) VALUES (?, ?, 'open', ?)",
      'INSERT OR REPLACE INTO receipts (number, `status`) VALUES (?, ?)',
      'REPLACE INTO transfers (id, status) VALUES (?, ?)',
      'INSERT INTO sales_orders (number, delivery_status) VALUES (?, ?)',
      'INSERT INTO x (a) VALUES (1) ON CONFLICT(a) DO UPDATE SET status = excluded.status',
      "ctx.db.update(transfers).set({ status: 'done' }).where(eq(transfers.id, id))",
      "ctx.db.insert(receipts).values({ number, status: 'posted' })",
      "ctx.db.update(purchaseOrders).set({ updatedAt: now, approvalStatus: 'none' })",
    ];
    for (const w of writes) expect(statusWrites(w), w).toHaveLength(1);
    const reads = [
      'UPDATE purchase_order_lines SET receivable = (? AND qty_ordered > 0) WHERE po_id = ? AND status = 1',
      "SELECT status FROM transfers WHERE status = 'inTransit'",
      "UPDATE lots SET voided_serial_number = serial_number WHERE receipt_id = ? AND (SELECT status FROM receipts) = 'posted'",
      'INSERT INTO purchase_order_events (po_id, occurred_at, user_id, type, details) VALUES (?, ?, ?, ?, ?)',
      'INSERT INTO statuses_seen (statuses) VALUES (?)',
      "ctx.db.update(products).set({ name, updatedAt: now }).where(eq(products.status, 'x'))",
      "const status = input.status ? { sql: 't.status = ?', params: [input.status] } : { sql: '1', params: [] };",
    ];
    for (const r of reads) expect(statusWrites(r), r).toEqual([]);
  });
});
