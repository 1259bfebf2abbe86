// The receipt being prepared on the Receiving screen: which open lines the clerk picked and what
// they typed and scanned for each. It is session state, kept in a store rather than in the screen so
// that a detour to another screen does not throw away a hundred scanned serials; it belongs to the
// signed-in user. Each picked line keeps the open line as it was listed (PO, product, outstanding)
// for display only: the server checks every figure again when the receipt is posted.
import { create } from 'zustand';
import type { OpenLine } from '@shared/contract/purchasing';

export type Destination = 'location' | 'customer';

export interface DraftLine {
  line: OpenLine;
  /** What the quantity box holds: a number, or '' while the clerk retypes it. */
  qty: number | string;
  serials: string[];
  destination: Destination;
  /** Internal location the units go to when `destination` is 'location'. */
  locationId: number;
  vendorInvoiceNumber: string;
}

export interface ReceiptDraft {
  /** The user the draft belongs to; another user signing in starts an empty one. */
  ownerId: number | null;
  lines: DraftLine[];
  freight: number | null;
  splitFreight: boolean;
  note: string;
  /** Adds the lines not already in the receipt; returns the ids added. */
  add: (lines: OpenLine[]) => number[];
  update: (lineId: number, patch: Partial<Omit<DraftLine, 'line'>>) => void;
  /** The same vendor invoice number on every line. */
  setInvoiceForAll: (vendorInvoiceNumber: string) => void;
  remove: (lineId: number) => void;
  setHeader: (patch: Partial<Pick<ReceiptDraft, 'freight' | 'splitFreight' | 'note'>>) => void;
  /** Empties the receipt (after posting, or when the clerk starts over) for `ownerId`. */
  reset: (ownerId: number | null) => void;
  /**
   * The receipt just posted, shown until the next one starts: kept here, not in the panel, so the outcome
   * stays on screen when the receipt took the last open line (the page then has nothing else to show).
   */
  posted: { number: string; units: number } | null;
  setPosted: (posted: { number: string; units: number } | null) => void;
}

/** A picked line starts with everything outstanding, at the PO line's own location. */
export function newDraftLine(line: OpenLine, existing: DraftLine[]): DraftLine {
  // A vendor invoice usually covers one purchase order: a second line of the same PO starts with
  // the number already typed for the first.
  const sameOrder = existing.find((d) => d.line.orderId === line.orderId && d.vendorInvoiceNumber.trim() !== '');
  return { line, qty: line.outstanding, serials: [], destination: 'location', locationId: line.locationId, vendorInvoiceNumber: sameOrder?.vendorInvoiceNumber ?? '' };
}

const empty = { lines: [] as DraftLine[], freight: null, splitFreight: false, note: '' };

export const useReceiptDraft = create<ReceiptDraft>((set, get) => ({
  ownerId: null,
  ...empty,
  add: (picked) => {
    const lines = [...get().lines];
    const added: number[] = [];
    for (const line of picked) {
      if (lines.some((d) => d.line.lineId === line.lineId)) continue;
      lines.push(newDraftLine(line, lines));
      added.push(line.lineId);
    }
    if (added.length > 0) set({ lines });
    return added;
  },
  update: (lineId, patch) => set((s) => ({ lines: s.lines.map((d) => (d.line.lineId === lineId ? { ...d, ...patch } : d)) })),
  setInvoiceForAll: (vendorInvoiceNumber) => set((s) => ({ lines: s.lines.map((d) => ({ ...d, vendorInvoiceNumber })) })),
  remove: (lineId) => set((s) => ({ lines: s.lines.filter((d) => d.line.lineId !== lineId) })),
  setHeader: (patch) => set(patch),
  reset: (ownerId) => set({ ownerId, ...empty, posted: null }),
  posted: null,
  setPosted: (posted) => set({ posted }),
}));
