// The quote of an opportunity as a paper for the client: read here into a plain document in one synchronous
// step, rendered afterwards; nothing here writes. It shows net prices and never a cost. In the client
// company's language, else the one the caller names, else the office's (as the packing list).
import { localDay } from '@shared/formats';
import { letterheadOf } from '@main/documents/documentLayout';
import { renderQuotePdf, type QuoteDocument, type QuoteLine } from '@main/documents/quotePdf';
import { addressLines, getCompany } from '../catalog/companies';
import type { Ctx } from '../context';
import { getSettings } from '../settings/settings';
import { requireOpportunity } from './opportunities';
import { OFFICE_LANGUAGE } from './deliveryDocuments';

type Locale = 'es' | 'en';

export function quoteDocument(ctx: Ctx, input: { id: number; locale?: Locale }): QuoteDocument {
  const opportunity = requireOpportunity(ctx, input.id);
  const head = ctx.sqlite
    .prepare<[number], { title: string; expectedClose: string | null }>(`SELECT title, expected_close AS expectedClose FROM opportunities WHERE id = ?`)
    .get(opportunity.id)!;
  // The product's cost is not selected: what is not read cannot be printed.
  const lines = ctx.sqlite
    .prepare<[number], QuoteLine>(
      `SELECT q.line_no AS lineNo, p.sku, q.description, q.quantity, q.unit_price AS unitPrice, CAST(q.quantity * q.unit_price AS TEXT) AS lineTotal
       FROM quote_items q JOIN products p ON p.id = q.product_id WHERE q.opportunity_id = ? ORDER BY q.line_no`,
    )
    .all(opportunity.id);
  const company = getCompany(ctx, opportunity.companyId);
  const settings = getSettings(ctx);
  return {
    locale: company.language ?? input.locale ?? OFFICE_LANGUAGE,
    englishLocale: settings.englishLocale,
    currency: settings.currency,
    letterhead: letterheadOf(settings),
    number: opportunity.number,
    title: head.title,
    date: localDay(ctx.now()),
    expectedClose: head.expectedClose,
    client: { name: company.name, address: addressLines(company).join('\n') },
    lines,
    // Summed in bigint: SQLite's sum() stops with an overflow error past 2^63, a long quote of large lines can get there.
    total: lines.reduce((sum, l) => sum + BigInt(l.lineTotal), 0n).toString(),
  };
}

export async function renderQuote(doc: QuoteDocument): Promise<{ filename: string; base64: string }> {
  const bytes = await renderQuotePdf(doc);
  return { filename: `${doc.number.replace(/[^\w.-]+/g, '_')}.pdf`, base64: Buffer.from(bytes).toString('base64') };
}
