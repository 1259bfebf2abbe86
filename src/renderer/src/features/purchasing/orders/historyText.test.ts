// Every purchase order event reads as a sentence in both languages, with its facts filled in (never a
// raw key or "{{placeholder}}"), and amounts stay hidden from users who may not see costs.
import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PoEvent } from '@shared/contract/purchasing';
import { en as commonEn } from '@renderer/app/locales/en';
import { es as commonEs } from '@renderer/app/locales/es';
import { en as errorsEn } from '@renderer/app/errors/locales/en';
import { es as errorsEs } from '@renderer/app/errors/locales/es';
import { makeFormatter } from '@renderer/lib/format';
import { en as purchasingEn } from '../locales/en';
import { es as purchasingEs } from '../locales/es';
import { describeEvent, type HistoryContext } from './historyText';

const events: [PoEvent['type'], Record<string, unknown>, string[]][] = [
  ['created', { lines: 0 }, []],
  ['created', { lines: 3 }, ['3']],
  ['updated', { changes: [{ field: 'vendorId', before: 1, after: 2 }, { field: 'expectedShipDate', before: null, after: '2027-01-15' }, { field: 'freight', before: 0, after: 125000 }, { field: 'memo', before: 'a\nb', after: '' }] }, ['Ingram Micro', 'Also', '2027', '12.50']],
  ['lineAdded', { lineNo: 2, sku: 'LAP-01', qty: 5 }, ['2', 'LAP-01', '5']],
  ['lineUpdated', { lineNo: 2, sku: 'LAP-01', changes: [{ field: 'qty', before: 5, after: 3 }, { field: 'locationId', before: 6, after: 7 }], approvalReset: true }, ['LAP-01', 'Main warehouse', 'Van']],
  ['lineRemoved', { lineNo: 1, sku: 'CAB-1', qty: 10 }, ['CAB-1', '10']],
  ['approvalRequested', { total: 52000000 }, ['5,200.00']],
  ['approved', { total: 52000000, note: 'Within budget' }, ['Within budget']],
  // Approval tiers: the limit the approval was given at, or none.
  ['approved', { total: 52000000, limitName: 'Manager', limitUpTo: 200000000 }, ['Manager', '20,000.00']],
  ['approved', { total: 52000000, limitName: null, limitUpTo: null }, []],
  ['rejected', { total: 52000000, note: 'Only 3 laptops' }, ['Only 3 laptops']],
  ['submitted', { total: 52000000 }, []],
  ['emailed', { to: ['a@v.example'], cc: ['b@us.example'], subject: 'PO-1', rejected: [] }, ['a@v.example', 'b@us.example', 'PO-1']],
  ['emailFailed', { to: ['a@v.example'], cc: [], subject: 'PO-1', reason: 'SMTP_NOT_CONFIGURED' }, ['a@v.example']],
  ['emailFailed', { to: ['a@v.example'], cc: [], subject: 'PO-1', reason: 'connection refused' }, ['connection refused']],
  ['received', { receiptNumber: 'RCV-1', units: 5, lines: [{ sku: 'LAP-01', qty: 5 }], status: 'receivedPartial' }, ['RCV-1', '5', 'LAP-01']],
  ['receiptCanceled', { receiptNumber: 'RCV-1', units: 1, lines: [{ sku: 'LAP-01', qty: 1 }], reason: 'Counted twice', status: 'submitted' }, ['RCV-1', 'Counted twice']],
  ['lineReduced', { lineNo: 1, sku: 'LAP-01', qty: 2, reason: 'Discontinued', status: 'receivedFull' }, ['LAP-01', '2', 'Discontinued']],
  ['canceled', { reason: 'Duplicate' }, ['Duplicate']],
];

function context(language: string, showCosts: boolean): HistoryContext {
  return {
    t: i18next.getFixedT(language, ['purchasing', 'common'] as const),
    f: makeFormatter(language, 'en-GB', 'EUR'),
    showCosts,
    companyName: (id) => ({ 1: 'Ingram Micro', 2: 'Also' })[id],
    locationName: (id) => ({ 6: 'Main warehouse', 7: 'Van – Lucía' })[id],
  };
}

const event = (type: PoEvent['type'], details: Record<string, unknown>): PoEvent => ({ id: 1, occurredAt: 0, userName: 'Ana', type, details });

beforeAll(async () => {
  const resources: Resource = { en: {}, es: {} };
  resources.en!.purchasing = purchasingEn as ResourceLanguage;
  resources.es!.purchasing = purchasingEs as ResourceLanguage;
  resources.en!.errors = errorsEn as ResourceLanguage;
  resources.en!.common = commonEn as ResourceLanguage;
  resources.es!.common = commonEs as ResourceLanguage;
  resources.es!.errors = errorsEs as ResourceLanguage;
  await i18next.init({ resources, lng: 'en', fallbackLng: false, ns: ['purchasing', 'errors', 'common'], defaultNS: 'purchasing', interpolation: { escapeValue: false } });
});

describe.each(['en', 'es'])('history in %s', (language) => {
  it.each(events.map(([type, details, shown], i) => [`${type} #${i}`, type, details, shown] as const))('%s reads as a sentence', async (_name, type, details, shown) => {
    await i18next.changeLanguage(language);
    const { text, details: lines } = describeEvent(event(type, details), context(language, true));
    const all = [text, ...lines].join('\n');
    expect(text.length).toBeGreaterThan(8);
    expect(all).not.toMatch(/\{\{|purchasing:|errors:|common:|approvalLimit\.|history\.|undefined|NaN/);
    // Numbers are formatted per language; only check the language-neutral parts in Spanish.
    for (const part of shown) if (language === 'en' || !/\d[.,]\d/.test(part)) expect(all).toContain(part);
  });
});

it('names the approval that was withdrawn by a change', async () => {
  await i18next.changeLanguage('en');
  const { details } = describeEvent(event('lineUpdated', { lineNo: 1, sku: 'X', changes: [], approvalReset: true }), context('en', true));
  expect(details).toContain('The approval was withdrawn: the order must be approved again.');
});

it('hides amounts from users without costs.view', async () => {
  await i18next.changeLanguage('en');
  const ctx = context('en', false);
  expect(describeEvent(event('approvalRequested', { total: 52000000 }), ctx).text).toBe('Requested approval');
  const { details } = describeEvent(event('updated', { changes: [{ field: 'freight', before: 0, after: 125000 }] }), ctx);
  expect(details).toEqual(['Freight changed']);
});

it('translates a failure reason the app knows, in Spanish', async () => {
  await i18next.changeLanguage('es');
  const { text, details } = describeEvent(event('emailFailed', { to: ['a@v.example'], reason: 'SMTP_NOT_CONFIGURED' }), context('es', true));
  expect(text).toBe('No se pudo enviar la orden por correo a a@v.example');
  expect(details.join(' ')).toContain('El correo no está configurado');
});
