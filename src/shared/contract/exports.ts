import { z } from 'zod';
import { channel } from './define';

// CSV export of any paged list (the contract's pageInput/pageOutput), as its screen shows it: the same
// filters and sort, every row, the columns the user has on screen. The file is read in chunks, each a
// call of its own, so a million rows never sit in memory on either side and the screen shows progress.

/** Rows one call returns: enough to keep the calls few, small enough to keep each one short. */
export const EXPORT_CHUNK_ROWS = 2_000;
export const MAX_EXPORT_COLUMNS = 60;

export const exportColumn = z
  .object({
    /** The row's field, a dotted path (`sku`, `product.name`); its kind (money, date, …) comes from the contract. */
    field: z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*){0,3}$/),
    /** The column's name in the user's language, as the screen titles it. */
    header: z.string().trim().min(1).max(120),
    /** Words for coded values (statuses, types), as the screen shows them. */
    labels: z.record(z.string().max(80), z.string().max(160)).optional(),
  })
  .strict();

export const exportInput = z
  .object({
    /** The list channel (`stock.history`, `catalog.listProducts`, …). */
    list: z.string().min(1).max(80),
    /** The list's input as the screen sends it, without page and page size. */
    input: z.record(z.string(), z.unknown()).default({}),
    columns: z.array(exportColumn).min(1).max(MAX_EXPORT_COLUMNS),
    /** `;` between cells and `,` for decimals in Spanish; `,` and `.` in English. */
    language: z.enum(['es', 'en']),
    /** The user's time zone (IANA), for dates and times. */
    timeZone: z.string().min(1).max(64).refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'not a time zone'),
    /** Words for yes and no in the user's language. */
    yes: z.string().trim().min(1).max(20),
    no: z.string().trim().min(1).max(20),
    /** Where the previous chunk ended (its `next`); null for the first, which starts with the header row. */
    cursor: z.string().max(200).nullable().default(null),
  })
  .strict();

export const exportsContract = {
  'lists.export': channel({
    kind: 'query',
    long: true,
    reads: ['catalog', 'locations', 'stock', 'purchasing', 'sales', 'notifications'],
    summary:
      'One chunk of a list as CSV (UTF-8; the first chunk starts with the byte-order mark and the header row): the list as its own channel answers the caller — same permission, filters, sort and cost rules — every row, in order. Call again with `next` until it is null. Cost columns are left out for callers without `costs.view` (named in `dropped`); text a spreadsheet would run as a formula starts with an apostrophe.',
    permission: 'signedIn',
    input: exportInput,
    output: z.object({
      csv: z.string(),
      /** Rows in this chunk. */
      rows: z.number().int(),
      /** Rows the list holds (at least, when `totalCapped`), for a progress bar: counted by the first chunk (later ones may answer 0). */
      total: z.number().int(),
      totalCapped: z.boolean(),
      /** The cursor of the next chunk; null when this one was the last. */
      next: z.string().nullable(),
      /** Fields of columns left out because they are costs the caller may not see. */
      dropped: z.array(z.string()),
    }),
  }),
};
