// The purchasing workflow (DOMAIN.md §1, "Purchase and receive") as a user clicks it, once per UI
// language, each on a fresh server and database. The browser's language decides the UI language.
// What is not under test — the warehouse, the vendors, the products and their stock levels — is set
// up through the HTTP API; everything the purchasing team, the approver and the warehouse do is
// clicked. A real SMTP server in this process receives the e-mailed purchase order. The administrator
// buys; a second user, the approver, approves (nobody approves an order they created or asked for).
// The steps share one browser and build on each other; each `test` is one screen or task.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfPages } from '../src/main/testing/pdfText';
import { startTestSmtpServer, type TestSmtpServer } from '../src/main/testing/smtpServer';
import {
  check,
  clickButton,
  choose,
  dialog,
  escapeRegExp,
  eventually,
  expectCell,
  expectHeading,
  expectLocatorText,
  expectNotification,
  expectText,
  field,
  fill,
  languages,
  allowOnScreens,
  launchBrowser,
  nav,
  row,
  setupAdmin,
  shot,
  signIn,
  signOut,
  startServer,
  textOf,
  translator,
  type Api,
  type Lang,
  type LaunchedBrowser,
  type RunningServer,
} from './support';

/** What the office types and is called, in its own language. */
const data = {
  es: {
    admin: 'Ana Administradora',
    approver: 'Marta Aprobadora',
    company: 'Soluciones TI Levante SL',
    address: 'Avenida del Puerto 12\n46023 Valencia',
    taxId: 'B98765432',
    warehouse: 'Almacén central',
    vendorLaptops: 'Distribuciones Norte SA',
    vendorSupplies: 'Suministros Informáticos Sur SL',
    laptop: 'Portátil ThinkPad X1',
    cable: 'Cable de red Cat6 2 m',
    firewall: 'Cortafuegos FortiGate 60F',
    money: (units: string) => units.replace('.', ','),
    approvalNote: 'Dentro del presupuesto de renovación de portátiles',
    receiptNote: 'Caja del cable algo dañada',
    cancelReason: 'Teclado equivocado: se devuelven',
  },
  en: {
    admin: 'Ann Administrator',
    approver: 'Mark Approver',
    company: 'Contoso IT Services Ltd',
    address: '12 Harbour Road\nBristol BS1 5TT',
    taxId: 'GB123456789',
    warehouse: 'Main warehouse',
    vendorLaptops: 'Northwind Distribution Ltd',
    vendorSupplies: 'Southern IT Supplies Ltd',
    laptop: 'ThinkPad X1 laptop',
    cable: 'Cat6 network cable 2 m',
    firewall: 'FortiGate 60F firewall',
    money: (units: string) => units,
    approvalNote: 'Within the laptop refresh budget',
    receiptNote: 'Cable box slightly damaged',
    cancelReason: 'Wrong keyboard layout: sent back',
  },
} as const;

/** What the user must see, written out by hand (not read from the app's translation files). */
const expected = {
  es: {
    status: { new: 'Nueva', submitted: 'Emitida', receivedPartial: 'Recibida parcial', receivedFull: 'Recibida completa' },
    approval: { requested: 'Aprobación solicitada', approved: 'Aprobada' },
    selected: '3 productos marcados de 2 proveedor(es) · 5.729,00 €',
    groupLaptops: '1 producto · 4.320,00 €',
    groupSupplies: '2 productos · 1.409,00 €',
    createdTitle: '2 órdenes de compra creadas',
    createdLink: (number: string, vendor: string, lines: number) => `${number} · ${vendor} (${lines} ${lines === 1 ? 'línea' : 'líneas'})`,
    needsApproval: 'Necesita aprobación Las órdenes de 2.000,00 € o más necesitan aprobación: solicítela antes de emitirla o enviarla por correo.',
    emailBlocked: 'El envío por correo al proveedor estará disponible cuando la orden esté aprobada. Hasta entonces, Descargar PDF e Imprimir dan un borrador marcado «BORRADOR – NO APROBADA».',
    draftMark: 'BORRADOR – NO APROBADA',
    draftFile: (number: string) => `${number}-BORRADOR.pdf`,
    waiting: 'A la espera de aprobación',
    requestedBy: (user: string) => new RegExp(`^Solicitada por ${user} el .*\\d{4}`),
    ownOrder: 'Usted creó esta orden, así que debe aprobarla otro aprobador.',
    ownRequestRow: 'La creó usted: decide otro aprobador',
    approvedBy: (user: string) => new RegExp(`^Aprobada por ${user} el .*\\d{4}`),
    decisionSummary: (vendor: string) => `${vendor} · líneas: 1 · 4.320,00 €`,
    laptopTotal: '4.320,00 €',
    suppliesTotal: '1.409,00 €',
    pdf: { total: 'Total 4.320,00 €', taxId: (id: string) => `NIF: ${id}`, part: '21KC-ES', date: (day: Date) => `Fecha ${dmy(day)}` },
    // Spanish screens write dates day first whatever the office's English format (the journey sets en-US).
    shipDate: { wrongOrder: '01/15/2027', typed: '15/01/2027', invalid: 'No es una fecha: escríbala como dd/mm/aaaa' },
    subject: (number: string) => `Orden de compra ${number}`,
    attached: (number: string) => `Adjunto: ${number}.pdf`,
    emailed: (number: string, to: string) => `${number} enviada por correo a ${to}`,
    submitContents: 'Líneas: 1 · unidades: 4 · Total: 4.320,00 €',
    invoiceRequired: 'Indique el número de factura del proveedor: la configuración lo exige',
    serialCount: '0 de 4 números de serie introducidos: introduzca uno por unidad',
    backOrderedAfter: '2 quedan pendientes tras esta recepción',
    receiptSummary: '2 líneas · 12 unidades · 2 órdenes de compra',
    posted: (number: string, units: number) => `Recepción ${number} registrada: ${units} unidades recibidas`,
    landedUnit: '1.092,33 €',
    landedTotal: '2.184,66 €',
    stockValue: { laptop: '2.184,66 €', cable: '29,84 €' },
    freightSplit: 'incl. portes de 25,00 € repartidos entre las líneas',
    otherOrders: (number: string) => `Esta recepción también incluye líneas de ${number}.`,
    receiptCanceled: 'Cancelada',
    history: {
      created: 'Creó la orden de compra con 1 línea',
      approved: 'Nota: Dentro del presupuesto de renovación de portátiles',
      emailed: (to: string) => `Envió la orden por correo a ${to}`,
      received: (receipt: string) => `Recibió 2 unidades (${receipt})`,
      canceled: (receipt: string) => `Canceló la recepción ${receipt}: 2 unidades vuelven al proveedor`,
    },
    duplicateSerial: (line: string, serial: string) => `${line}: Estos números de serie ya existen para este producto: ${serial}. Quítelos de la lista.`,
  },
  en: {
    status: { new: 'New', submitted: 'Submitted', receivedPartial: 'Received partial', receivedFull: 'Received full' },
    approval: { requested: 'Approval requested', approved: 'Approved' },
    selected: '3 products selected from 2 vendor(s) · €5,729.00',
    groupLaptops: '1 product · €4,320.00',
    groupSupplies: '2 products · €1,409.00',
    createdTitle: '2 purchase orders created',
    createdLink: (number: string, vendor: string, lines: number) => `${number} · ${vendor} (${lines} ${lines === 1 ? 'line' : 'lines'})`,
    needsApproval: 'Approval needed Orders of €2,000.00 or more need an approval: request it before submitting or e-mailing.',
    emailBlocked: 'E-mail to vendor is available once the order is approved. Until then, Download PDF and Print give a draft marked “DRAFT – NOT APPROVED”.',
    draftMark: 'DRAFT – NOT APPROVED',
    draftFile: (number: string) => `${number}-DRAFT.pdf`,
    waiting: 'Waiting for approval',
    requestedBy: (user: string) => new RegExp(`^Requested by ${user} on .*\\d{4}`),
    ownOrder: 'You created this order, so another approver must approve it.',
    ownRequestRow: 'You created it: another approver decides',
    approvedBy: (user: string) => new RegExp(`^Approved by ${user} on .*\\d{4}`),
    decisionSummary: (vendor: string) => `${vendor} · lines: 1 · €4,320.00`,
    laptopTotal: '€4,320.00',
    suppliesTotal: '€1,409.00',
    pdf: { total: 'Total €4,320.00', taxId: (id: string) => `Tax ID: ${id}`, part: '21KC-ES', date: (day: Date) => `Date ${mdy(day)}` },
    // The journey sets the office's English format to en-US: month first.
    shipDate: { wrongOrder: '15/01/2027', typed: '01/15/2027', invalid: 'Not a date: type it as mm/dd/yyyy' },
    subject: (number: string) => `Purchase order ${number}`,
    attached: (number: string) => `Attached: ${number}.pdf`,
    emailed: (number: string, to: string) => `${number} e-mailed to ${to}`,
    submitContents: 'Lines: 1 · units: 4 · Total: €4,320.00',
    invoiceRequired: 'Enter the vendor invoice number: the settings require it',
    serialCount: '0 of 4 serial numbers entered: enter one per unit',
    backOrderedAfter: '2 back ordered after this receipt',
    receiptSummary: '2 lines · 12 units · 2 purchase orders',
    posted: (number: string, units: number) => `Receipt ${number} posted: ${units} units received`,
    landedUnit: '€1,092.33',
    landedTotal: '€2,184.66',
    stockValue: { laptop: '€2,184.66', cable: '€29.84' },
    freightSplit: 'incl. freight €25.00 spread over the lines',
    otherOrders: (number: string) => `This receipt also holds lines of ${number}.`,
    receiptCanceled: 'Canceled',
    history: {
      created: 'Created the purchase order with 1 line',
      approved: 'Note: Within the laptop refresh budget',
      emailed: (to: string) => `E-mailed the order to ${to}`,
      received: (receipt: string) => `Received 2 units (${receipt})`,
      canceled: (receipt: string) => `Canceled receipt ${receipt}: 2 units back to the vendor`,
    },
    duplicateSerial: (line: string, serial: string) => `${line}: These serial numbers already exist for this product: ${serial}. Remove them from the list.`,
  },
} as const;

const LAPTOP_SKU = 'LAP-X1-G12';
const CABLE_SKU = 'CAB-C6-2M';
const FIREWALL_SKU = 'FW-60F';
const VENDOR_EMAIL = 'pedidos@norte.example';
const SENDER = 'compras@oficina.example';
const MEMO = 'Deliver to the back door';
const APPROVER = { username: 'aprobador', password: 'approver-horse-2' };
/** PO-1001 is the firewall order already open from setup; the suggestions make the next two, laptop vendor first. */
const PO_LAPTOP = 'PO-1002';
const PO_SUPPLIES = 'PO-1003';
/** Four laptops arrive in two deliveries: two serials scanned, then two pasted as a list (that receipt is later cancelled). */
const SERIALS = ['PF4X1A01', 'PF4X1A02', 'PF4X1A03', 'PF4X1A04'] as const;
const INVOICE_1 = 'FV-24117';
const INVOICE_2 = 'SUR-88812';
const INVOICE_3 = 'FV-24142';
const two = (n: number) => String(n).padStart(2, '0');
const dmy = (day: Date) => `${two(day.getDate())}/${two(day.getMonth() + 1)}/${day.getFullYear()}`;
const mdy = (day: Date) => `${two(day.getMonth() + 1)}/${two(day.getDate())}/${day.getFullYear()}`;
/** Money in ten-thousandths, as the API takes it. */
const minor = (units: number) => Math.round(units * 10_000);

describe.each(languages)('purchasing (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  const x = expected[lang];
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let smtp: TestSmtpServer;
  /** The administrator's API session, to check that the server refuses what the screen does not offer. */
  let api: Api;

  /** Products at the warehouse, all below their minimum with nothing in stock; one vendor each, split over two vendors. */
  async function setUp(api: Api) {
    const warehouse = await api('locations.create', { name: d.warehouse, kind: 'warehouse', isDefault: true });
    const laptopsVendor = await api('catalog.createCompany', {
      name: d.vendorLaptops,
      isVendor: true,
      isClient: false,
      email: VENDOR_EMAIL,
      address1: 'Polígono Industrial Norte, nave 7',
      city: 'Bilbao',
      postalCode: '48001',
      country: 'España',
    });
    const suppliesVendor = await api('catalog.createCompany', { name: d.vendorSupplies, isVendor: true, isClient: false, city: 'Sevilla' });
    const products = [
      { sku: LAPTOP_SKU, name: d.laptop, serialized: true, cost: 1100, vendor: laptopsVendor.id, part: '21KC-ES', vendorCost: 1080, min: 2, max: 4 },
      { sku: CABLE_SKU, name: d.cable, serialized: false, cost: 3.5, vendor: suppliesVendor.id, part: 'C6-2M-BL', vendorCost: 2.95, min: 10, max: 20 },
      { sku: FIREWALL_SKU, name: d.firewall, serialized: false, cost: 480, vendor: suppliesVendor.id, part: 'FG-60F-BDL', vendorCost: 450, min: 2, max: 5 },
    ];
    const ids: Record<string, number> = {};
    // In this order: the laptop's inventory product comes first, so its vendor's order is numbered first.
    for (const p of products) {
      const product = await api('catalog.createProduct', { sku: p.sku, name: p.name, unitCost: minor(p.cost), unitPrice: minor(p.cost * 1.4), msrp: minor(p.cost * 1.5), serialized: p.serialized });
      await api('catalog.saveProductVendor', { productId: product.id, vendorId: p.vendor, vendorPartNumber: p.part, vendorCost: minor(p.vendorCost), isDefault: true });
      await api('stock.createInventoryProduct', { productId: product.id, locationId: warehouse.id, bin: 'A-1', min: p.min, max: p.max });
      ids[p.sku] = product.id;
    }
    // Two firewalls are already on a (New) order: the suggestion counts them as on order.
    await api('purchasing.createOrder', { vendorId: suppliesVendor.id, lines: [{ productId: ids[FIREWALL_SKU]!, qty: 2, locationId: warehouse.id }] });
    await api('users.create', { ...APPROVER, displayName: d.approver, permissions: ['inventory.view', 'purchasing.approve', 'costs.view'] });
  }

  beforeAll(async () => {
    [server, smtp] = await Promise.all([startServer(), startTestSmtpServer()]);
    api = await setupAdmin(server.url, { username: 'admin', displayName: d.admin, password: 'correct-horse-1' });
    await setUp(api);
    browser = await launchBrowser(lang, { shotNumberPrefix: 'p' });
    // What this journey names and types shows on its screens as typed (the memo is typed in English in both).
    allowOnScreens(browser.page, [...Object.values(d), ...SERIALS, MEMO, VENDOR_EMAIL, SENDER]);
  });

  afterAll(async () => {
    await browser?.close();
    await smtp?.close();
    await server?.stop();
  });

  // Helpers of this journey ---------------------------------------------------------------------

  /** The order's status badge: its state, and the word the user reads. */
  async function expectStatus(page: Page, status: keyof typeof x.status) {
    const badge = page.getByTestId('po-status');
    await eventually(() => badge.getAttribute('data-status')).toBe(status);
    expect(await textOf(badge)).toBe(x.status[status]);
  }

  /** Purchase orders › the order `number`. */
  async function openOrder(page: Page, number: string) {
    await nav(page, t('purchasing:nav.orders'));
    await expectHeading(page, t('purchasing:orders.title'));
    await row(page.getByTestId('po-list'), number).click();
    await expectHeading(page, t('purchasing:order.title', { number }));
  }

  const actions = (page: Page) => page.getByTestId('po-actions');
  const submitButton = (page: Page) => actions(page).getByRole('button', { name: t('purchasing:order.submit'), exact: true });
  const receiptLine = (page: Page, number: string, sku: string) => page.getByRole('group', { name: t('purchasing:receiving.line.group', { number, sku }), exact: true });
  const addToReceipt = (page: Page, number: string, sku: string) => page.getByRole('button', { name: t('purchasing:receiving.addNamed', { sku, number }), exact: true }).click();

  /** The order's PDF as downloaded from its page: file name and the text of each page. */
  async function downloadPdf(page: Page) {
    const [download] = await Promise.all([page.waitForEvent('download'), clickButton(actions(page), t('purchasing:order.downloadPdf'))]);
    return { filename: download.suggestedFilename(), pages: await pdfPages(await readFile(await download.path())) };
  }

  async function submitOrder(page: Page, number: string, contents?: string) {
    await submitButton(page).click();
    const modal = dialog(page, t('purchasing:submit.title', { number }));
    if (contents) await expectText(modal, contents);
    if (contents) await shot(page, 'po-submit-confirm');
    await clickButton(modal, t('purchasing:submit.confirm'));
    await modal.waitFor({ state: 'detached' });
    await expectStatus(page, 'submitted');
  }

  // The journey --------------------------------------------------------------------------------

  test('sign in; Admin › Settings: letterhead, purchasing rules and the SMTP server', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, t, { username: 'admin', password: 'correct-horse-1' }, d.admin);

    await nav(page, t('admin:nav.settings'));
    await expectHeading(page, t('admin:settings.title'));
    /** Saves one card; saved, it has nothing left to discard. */
    const save = async (card: Locator, label: string) => {
      await clickButton(card, label);
      await eventually(() => card.getByRole('button', { name: t('admin:settings.discard') }).isDisabled()).toBe(true);
    };

    // An American office: English screens and documents write dates month first (Spanish ones never do).
    const general = page.getByTestId('settings-form');
    await choose(general, t('admin:settings.englishLocale'), /\(en-US\): 12\/31\/2025 2:05 PM$/);
    await shot(page, 'settings-general');
    await save(general, t('common:actions.saveChanges'));

    const letterhead = page.getByTestId('settings-letterhead');
    await fill(letterhead, t('admin:settings.companyName'), d.company);
    await fill(letterhead, t('admin:letterhead.address'), d.address);
    await fill(letterhead, t('admin:letterhead.taxId'), d.taxId);
    await letterhead.scrollIntoViewIfNeeded();
    await shot(page, 'settings-letterhead');
    await save(letterhead, t('admin:letterhead.save'));

    // Orders of 2,000.00 or more need an approval; every received line needs the vendor's invoice number.
    const purchasing = page.getByTestId('settings-purchasing');
    await fill(purchasing, t('admin:purchasingSettings.approvalThreshold'), d.money('2000.00'));
    await check(purchasing, t('admin:purchasingSettings.requireInvoice'));
    // Requesters may not approve their own orders unless an administrator allows it: off by default.
    expect(await purchasing.getByRole('switch', { name: t('admin:purchasingSettings.allowSelfApproval') }).isChecked()).toBe(false);
    await purchasing.scrollIntoViewIfNeeded();
    await shot(page, 'settings-purchasing');
    await save(purchasing, t('admin:purchasingSettings.save'));

    const mail = page.getByTestId('settings-smtp');
    await fill(mail, t('admin:smtp.host'), '127.0.0.1');
    await choose(mail, t('admin:smtp.security'), t('admin:smtp.securities.none'));
    await fill(mail, t('admin:smtp.port'), smtp.port);
    await fill(mail, t('admin:smtp.fromAddress'), SENDER);
    await fill(mail, t('admin:smtp.fromName'), d.company);
    expect(await mail.locator('input[type=password]').inputValue()).toBe('');
    await mail.scrollIntoViewIfNeeded();
    await shot(page, 'settings-smtp');
    await save(mail, t('admin:smtp.save'));

    // What was saved is what the page shows after a reload.
    await page.reload();
    await expectHeading(page, t('admin:settings.title'));
    expect(await field(page.getByTestId('settings-letterhead'), t('admin:settings.companyName')).inputValue()).toBe(d.company);
    expect(await field(page.getByTestId('settings-purchasing'), t('admin:purchasingSettings.approvalThreshold')).inputValue()).toBe(d.money('2000.00'));
    expect(await page.getByTestId('settings-purchasing').getByRole('switch', { name: t('admin:purchasingSettings.requireInvoice') }).isChecked()).toBe(true);
    expect(await field(page.getByTestId('settings-smtp'), t('admin:smtp.port')).inputValue()).toBe(String(smtp.port));
    expect(await field(page.getByTestId('settings-smtp'), t('admin:smtp.host')).inputValue()).toBe('127.0.0.1');
  });

  test('Reorder suggestions: grouped by vendor, up to the maximum minus what is on order; two orders created', async () => {
    const { page } = browser;
    await nav(page, t('purchasing:nav.suggestions'));
    await expectHeading(page, t('purchasing:suggestions.title'));
    const table = page.getByTestId('suggestions-table');
    await row(table, FIREWALL_SKU).waitFor();

    // One group per default vendor (by name), its products by SKU.
    const layout = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => (r.getAttribute('data-testid') === 'suggestions-group' ? `vendor: ${r.getAttribute('data-vendor')}` : (r.querySelectorAll('td')[1]?.textContent ?? '').trim())),
    );
    expect(layout).toEqual([`vendor: ${d.vendorLaptops}`, LAPTOP_SKU, `vendor: ${d.vendorSupplies}`, CABLE_SKU, FIREWALL_SKU]);
    await expectLocatorText(table.locator(`[data-vendor="${d.vendorLaptops}"]`), x.groupLaptops);
    await expectLocatorText(table.locator(`[data-vendor="${d.vendorSupplies}"]`), x.groupSupplies);

    // Suggested = max − on hand − on order: 4 − 0 − 0, 20 − 0 − 0, and 5 − 0 − 2 for the firewall already on PO-1001.
    const columns = {
      onHand: t('purchasing:suggestions.onHand'),
      min: t('purchasing:suggestions.min'),
      max: t('purchasing:suggestions.max'),
      onOrder: t('purchasing:suggestions.onOrder'),
      qty: t('purchasing:suggestions.qtyToOrder'),
    };
    const suggestions: [string, Record<keyof typeof columns, string>][] = [
      [LAPTOP_SKU, { onHand: '0', min: '2', max: '4', onOrder: '0', qty: '4' }],
      [CABLE_SKU, { onHand: '0', min: '10', max: '20', onOrder: '0', qty: '20' }],
      [FIREWALL_SKU, { onHand: '0', min: '2', max: '5', onOrder: '2', qty: '3' }],
    ];
    for (const [sku, values] of suggestions) {
      for (const [key, value] of Object.entries(values)) await expectCell(table, sku, columns[key as keyof typeof columns], value);
      expect(await page.getByRole('textbox', { name: t('purchasing:suggestions.qtyLabel', { sku, location: d.warehouse }) }).inputValue()).toBe(values.qty);
    }

    // Everything, vendor by vendor.
    await page.getByRole('checkbox', { name: t('purchasing:suggestions.selectVendor', { vendor: d.vendorLaptops }) }).check();
    await page.getByRole('checkbox', { name: t('purchasing:suggestions.selectVendor', { vendor: d.vendorSupplies }) }).check();
    for (const [sku] of suggestions) expect(await page.getByRole('checkbox', { name: t('purchasing:suggestions.selectRow', { sku, location: d.warehouse }) }).isChecked()).toBe(true);
    await expectLocatorText(page.getByTestId('suggestions-selection'), x.selected);
    await shot(page, 'reorder-suggestions');

    await clickButton(page, t('purchasing:suggestions.create'));
    const created = page.getByTestId('suggestions-created');
    await expectLocatorText(created, x.createdTitle);
    await expectLocatorText(created, x.createdLink(PO_LAPTOP, d.vendorLaptops, 1));
    await expectLocatorText(created, x.createdLink(PO_SUPPLIES, d.vendorSupplies, 2));
    // Now everything is on order: nothing left to suggest.
    await page.getByTestId('suggestions-empty').waitFor();
    await shot(page, 'reorder-orders-created');
  });

  test('The laptop order is above the threshold: Submit is blocked until approval is requested', async () => {
    const { page } = browser;
    await page.getByTestId('suggestions-created').getByRole('link', { name: x.createdLink(PO_LAPTOP, d.vendorLaptops, 1) }).click();
    await expectHeading(page, t('purchasing:order.title', { number: PO_LAPTOP }));
    await expectStatus(page, 'new');
    await expectLocatorText(page.getByTestId('po-vendor'), `${d.vendorLaptops} ${VENDOR_EMAIL}`);
    const lines = page.getByTestId('po-lines');
    await expectLocatorText(row(lines, LAPTOP_SKU), d.laptop);
    await expectLocatorText(row(lines, LAPTOP_SKU), x.pdf.part);
    await expectCell(lines, LAPTOP_SKU, t('purchasing:lines.ordered'), '4');
    await expectCell(lines, LAPTOP_SKU, t('purchasing:lines.amount'), x.laptopTotal);
    await expectLocatorText(page.getByTestId('po-totals'), new RegExp(`Total ${escapeRegExp(x.laptopTotal)}$`));

    // Submit and E-mail are there but disabled, and the texts they point at say why.
    const notice = page.getByTestId('po-notice');
    await expectLocatorText(notice, x.needsApproval);
    expect(await submitButton(page).isDisabled()).toBe(true);
    expect(await submitButton(page).getAttribute('aria-describedby')).toBe(await notice.getAttribute('id'));
    const emailButton = actions(page).getByRole('button', { name: t('purchasing:order.email'), exact: true });
    expect(await emailButton.isDisabled()).toBe(true);
    const emailBlocker = page.getByTestId('po-email-blocker');
    await expectLocatorText(emailBlocker, x.emailBlocked);
    expect(await emailButton.getAttribute('aria-describedby')).toBe(await emailBlocker.getAttribute('id'));
    await shot(page, 'po-needs-approval');

    // The server refuses the e-mail too, and sends nothing.
    const laptopOrder = (await api('purchasing.listOrders', { q: PO_LAPTOP })).rows[0]!;
    await expect(api('purchasing.emailOrder', { id: laptopOrder.id, to: [VENDOR_EMAIL], subject: 'PO', message: '', locale: lang })).rejects.toThrow(/APPROVAL_REQUIRED/);
    expect(smtp.messages).toHaveLength(0);

    // Its PDF can be printed, as a draft: the mark is on every page, and the file says so.
    const draft = await downloadPdf(page);
    expect(draft.filename).toBe(x.draftFile(PO_LAPTOP));
    expect(draft.pages.length).toBeGreaterThan(0);
    for (const text of draft.pages) {
      expect(text).toContain(x.draftMark);
      expect(text).toContain(PO_LAPTOP);
    }

    await clickButton(actions(page), t('purchasing:order.requestApproval'));
    await eventually(() => page.getByTestId('po-approval').getAttribute('data-approval')).toBe('requested');
    expect(await textOf(page.getByTestId('po-approval'))).toBe(x.approval.requested);
    await expectLocatorText(notice, x.waiting);
    await expectLocatorText(page.getByTestId('po-requested-by'), x.requestedBy(d.admin));
    // The administrator may approve orders, but not one they created.
    await expectLocatorText(page.getByTestId('po-approver-conflict'), x.ownOrder);
    expect(await notice.getByRole('button', { name: t('purchasing:decision.approve') }).count()).toBe(0);
    expect(await submitButton(page).isDisabled()).toBe(true);
    expect(await emailButton.isDisabled()).toBe(true);
    await shot(page, 'po-approval-requested');
  });

  test('Purchase approvals: who asked and when; the requester cannot approve; a second user approves with a note', async () => {
    const { page } = browser;
    const approvals = page.getByTestId('approvals-table');
    const approveButton = () => page.getByRole('button', { name: t('purchasing:approvals.approveNamed', { number: PO_LAPTOP }), exact: true });
    /** Who asked for the approval, with the day and time under the name. */
    const expectRequester = async () => {
      await expectCell(approvals, PO_LAPTOP, t('purchasing:approvals.requestedBy'), new RegExp(`^${escapeRegExp(d.admin)}.*\\d{1,2}:\\d{2}`));
      expect(await textOf(row(approvals, PO_LAPTOP).getByTestId('requested-at'))).toMatch(new RegExp(`${new Date().getFullYear()}.*\\d{1,2}:\\d{2}`));
    };

    // The administrator sees the request, but is its creator: Approve is not theirs to click.
    await nav(page, t('purchasing:nav.approvals'));
    await expectHeading(page, t('purchasing:approvals.title'));
    await expectCell(approvals, PO_LAPTOP, t('purchasing:po.vendor'), d.vendorLaptops);
    await expectCell(approvals, PO_LAPTOP, t('purchasing:po.total'), x.laptopTotal);
    await expectRequester();
    expect(await row(approvals, PO_SUPPLIES).count()).toBe(0);
    await expectLocatorText(row(approvals, PO_LAPTOP).getByTestId('why-not'), x.ownRequestRow);
    expect(await approveButton().isDisabled()).toBe(true);
    await shot(page, 'approvals-own-request');
    await expect(api('purchasing.approve', { id: (await api('purchasing.listOrders', { q: PO_LAPTOP })).rows[0]!.id, note: null })).rejects.toThrow(/SELF_APPROVAL/);

    // The approver signs in and approves it.
    await signOut(page, t);
    await signIn(page, t, { username: APPROVER.username, password: APPROVER.password }, d.approver);
    await nav(page, t('purchasing:nav.approvals'));
    await expectHeading(page, t('purchasing:approvals.title'));
    await expectRequester();
    expect(await row(approvals, PO_LAPTOP).getByTestId('why-not').count()).toBe(0);
    await shot(page, 'approvals');

    await approveButton().click();
    const modal = dialog(page, t('purchasing:decision.approveTitle', { number: PO_LAPTOP }));
    await expectText(modal, x.decisionSummary(d.vendorLaptops));
    await fill(modal, t('purchasing:decision.noteOptional'), d.approvalNote);
    await shot(page, 'approve-dialog');
    await clickButton(modal, t('purchasing:decision.approve'));
    await modal.waitFor({ state: 'detached' });
    await page.getByTestId('approvals-empty').waitFor();
    await signOut(page, t);
    await signIn(page, t, { username: 'admin', password: 'correct-horse-1' }, d.admin);
  });

  test('The approved order: a final PDF, the e-mail to the vendor, and Submit', async () => {
    const { page } = browser;
    await openOrder(page, PO_LAPTOP);
    await eventually(() => page.getByTestId('po-approval').getAttribute('data-approval')).toBe('approved');
    expect(await textOf(page.getByTestId('po-approval'))).toBe(x.approval.approved);
    await expectLocatorText(page.getByTestId('po-notice'), x.approvedBy(d.approver));
    await expectLocatorText(page.getByTestId('po-notice'), d.approvalNote);
    await eventually(() => submitButton(page).isEnabled()).toBe(true);
    expect(await page.getByTestId('po-email-blocker').count()).toBe(0);
    await shot(page, 'po-approved');

    // The PDF as the vendor gets it: number, letterhead, vendor, part number and total, and no draft mark.
    const final = await downloadPdf(page);
    expect(final.filename).toBe(`${PO_LAPTOP}.pdf`);
    const pdf = final.pages.join('\n');
    for (const text of [PO_LAPTOP, d.company, x.pdf.taxId(d.taxId), d.vendorLaptops, LAPTOP_SKU, x.pdf.part, x.pdf.total, x.pdf.date(new Date())]) expect(pdf).toContain(text);
    expect(pdf).not.toContain(x.draftMark);

    // E-mail to the vendor: the address and subject are filled in, in the UI language.
    await clickButton(actions(page), t('purchasing:order.email'));
    const email = dialog(page, t('purchasing:email.title', { number: PO_LAPTOP }));
    expect(await field(email, t('purchasing:email.to')).inputValue()).toBe(VENDOR_EMAIL);
    expect(await field(email, t('purchasing:email.subject')).inputValue()).toBe(x.subject(PO_LAPTOP));
    await eventually(() => field(email, t('purchasing:email.message')).inputValue()).toContain(d.company);
    expect(await email.getByRole('radio', { name: t(`purchasing:email.languages.${lang}`) }).isChecked()).toBe(true);
    await expectText(email, x.attached(PO_LAPTOP));
    await shot(page, 'po-email-dialog');
    await clickButton(email, t('purchasing:email.send'));
    await email.waitFor({ state: 'detached' });
    await expectNotification(page, x.emailed(PO_LAPTOP, VENDOR_EMAIL));

    const mails = await smtp.waitForMessages(1);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.from).toBe(SENDER);
    expect(mail!.to).toEqual([VENDOR_EMAIL]);
    expect(mail!.subject).toBe(x.subject(PO_LAPTOP));
    expect(mail!.text).toContain(d.company);
    expect(mail!.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${PO_LAPTOP}.pdf`, 'application/pdf']]);
    const attached = (await pdfPages(mail!.attachments[0]!.content)).join('\n');
    expect(attached).toContain(PO_LAPTOP);
    expect(attached).toContain(x.pdf.total);
    expect(attached).not.toContain(x.draftMark);

    await submitOrder(page, PO_LAPTOP, x.submitContents);
    await expectText(page.getByTestId('po-header'), t('purchasing:order.submittedAt', { date: '' }).trim());
    expect(await page.getByTestId('po-notice').count()).toBe(0);
    await shot(page, 'po-submitted');
  });

  test('The supplies order is below the threshold: submitted without approval', async () => {
    const { page } = browser;
    await openOrder(page, PO_SUPPLIES);
    await expectStatus(page, 'new');
    const lines = page.getByTestId('po-lines');
    await expectCell(lines, CABLE_SKU, t('purchasing:lines.ordered'), '20');
    await expectCell(lines, FIREWALL_SKU, t('purchasing:lines.ordered'), '3');
    await expectLocatorText(page.getByTestId('po-totals'), new RegExp(`Total ${escapeRegExp(x.suppliesTotal)}$`));
    expect(await page.getByTestId('po-notice').count()).toBe(0);
    expect(await page.getByTestId('po-approval').count()).toBe(0);

    // Enter in the date field takes the date and leaves the form open for the memo.
    await clickButton(page, t('purchasing:order.editHeader'));
    const header = dialog(page);
    const shipDate = header.getByLabel(t('purchasing:po.expectedShipDate'));
    // The day in the other order is refused, with the format to use, not read as another day.
    await shipDate.fill(x.shipDate.wrongOrder);
    await shipDate.press('Enter');
    await expectText(header, x.shipDate.invalid);
    await shot(page, 'po-date-refused');
    await shipDate.fill(x.shipDate.typed);
    await shipDate.press('Enter');
    expect(await header.getByText(x.shipDate.invalid).count()).toBe(0);
    await fill(header, t('purchasing:po.memo'), MEMO);
    expect(await header.isVisible()).toBe(true);
    await clickButton(header, t('common:actions.saveChanges'));
    await header.waitFor({ state: 'detached' });
    await expectText(page.getByRole('main'), MEMO);
    // The field showed the day as typed; the order shows it the same way.
    await expectText(page.getByTestId('po-header'), x.shipDate.typed);
    await submitOrder(page, PO_SUPPLIES);
  });

  test('Receiving: laptops and cables of both orders on one receipt, part of each, with freight as landed cost', async () => {
    const { page } = browser;
    await nav(page, t('purchasing:nav.receiving'));
    await expectHeading(page, t('purchasing:receiving.title'));
    const open = page.getByTestId('open-lines');
    const outstanding = t('purchasing:receiving.columns.outstanding');
    await expectCell(open, LAPTOP_SKU, outstanding, '4');
    await expectCell(open, CABLE_SKU, outstanding, '20');
    await expectCell(open, FIREWALL_SKU, outstanding, '3');
    await expectLocatorText(row(open, LAPTOP_SKU), PO_LAPTOP);
    await expectLocatorText(row(open, CABLE_SKU), PO_SUPPLIES);
    expect(await open.locator('tbody tr').count()).toBe(3);
    await shot(page, 'receiving-open-lines');

    await addToReceipt(page, PO_LAPTOP, LAPTOP_SKU);
    const laptops = receiptLine(page, PO_LAPTOP, LAPTOP_SKU);
    const cables = receiptLine(page, PO_SUPPLIES, CABLE_SKU);
    const panel = page.getByTestId('receipt-panel');
    // Add pressed from the keyboard: its button goes, and focus follows the line onto the receipt (its quantity).
    await page.getByRole('button', { name: t('purchasing:receiving.addNamed', { sku: CABLE_SKU, number: PO_SUPPLIES }), exact: true }).press('Enter');
    await eventually(() => field(cables, t('purchasing:receiving.line.qty')).evaluate((input) => input === document.activeElement)).toBe(true);

    // Posting at once is stopped on the screen: no invoice numbers, no serials.
    await clickButton(panel, t('purchasing:receiving.receipt.post'));
    await expectText(laptops, x.invoiceRequired);
    await expectText(laptops, x.serialCount);
    await expectText(cables, x.invoiceRequired);
    await page.getByTestId('receipt-check').waitFor();

    // 2 of the 4 laptops, their serials scanned (typed + Enter); 10 of the 20 cables.
    await fill(laptops, t('purchasing:receiving.line.qty'), 2);
    const serialInput = laptops.getByTestId('serial-input');
    for (const serial of SERIALS.slice(0, 2)) {
      await serialInput.fill(serial);
      await serialInput.press('Enter');
    }
    await expectLocatorText(laptops.getByTestId('serial-counter'), /2\D+2/);
    await expectLocatorText(laptops.getByTestId('serial-list'), `${SERIALS[0]} ${SERIALS[1]}`);
    await expectLocatorText(laptops.getByTestId('back-ordered-after'), x.backOrderedAfter);
    await fill(laptops, t('purchasing:receiving.line.invoice'), INVOICE_1);
    await fill(cables, t('purchasing:receiving.line.qty'), 10);
    await fill(cables, t('purchasing:receiving.line.invoice'), INVOICE_2);
    await fill(panel, t('purchasing:receiving.receipt.freight'), d.money('25.00'));
    await check(panel, t('purchasing:receiving.receipt.splitFreight'));
    await fill(panel, t('purchasing:receiving.receipt.note'), d.receiptNote);
    await expectLocatorText(page.getByTestId('receipt-summary'), x.receiptSummary);
    await eventually(() => page.getByTestId('receipt-check').count()).toBe(0);
    await shot(page, 'receiving-receipt');

    await clickButton(panel, t('purchasing:receiving.receipt.post'));
    await expectLocatorText(page.getByTestId('receipt-posted'), x.posted('RCV-1001', 12));
    // The receipt, Post button included, is emptied: focus is on the outcome that names the new receipt.
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('receipt-posted');
    await shot(page, 'receiving-posted');
    await expectCell(open, LAPTOP_SKU, outstanding, '2');
    await expectCell(open, LAPTOP_SKU, t('purchasing:receiving.columns.backOrdered'), '2');
    await expectCell(open, CABLE_SKU, outstanding, '10');

    // The laptop order is partly received: 2 units back ordered.
    await openOrder(page, PO_LAPTOP);
    await expectStatus(page, 'receivedPartial');
    const lines = page.getByTestId('po-lines');
    await expectCell(lines, LAPTOP_SKU, t('purchasing:lines.received'), '2');
    await expectCell(lines, LAPTOP_SKU, t('purchasing:lines.outstanding'), '2');
    await expectCell(lines, LAPTOP_SKU, t('purchasing:lines.backOrdered'), '2');
    await expectLocatorText(page.getByTestId('po-header'), INVOICE_1);
    await shot(page, 'po-received-partial');

    // The stock screen: on hand, on order (submitted orders only) and back ordered.
    await nav(page, t('stock:nav.items'));
    await expectHeading(page, t('stock:items.title'));
    const items = page.getByTestId('inventory-products');
    const stockFigures: [string, string, string, string][] = [
      [LAPTOP_SKU, '2', '2', '2'],
      [CABLE_SKU, '10', '10', '10'],
      // The 3 on the submitted order; the 2 on the New PO-1001 are not on order yet.
      [FIREWALL_SKU, '0', '3', '0'],
    ];
    for (const [sku, onHand, onOrder, backOrdered] of stockFigures) {
      await expectCell(items, sku, t('stock:columns.onHand'), onHand);
      await expectCell(items, sku, t('stock:columns.onOrder'), onOrder);
      await expectCell(items, sku, t('stock:columns.backOrdered'), backOrdered);
    }
    // Valued at the landed cost: 25.00 of freight spread by value over 2 laptops at 1,080.00 and 10 cables at 2.95.
    await expectCell(items, LAPTOP_SKU, t('stock:columns.value'), x.stockValue.laptop);
    await expectCell(items, CABLE_SKU, t('stock:columns.value'), x.stockValue.cable);
    await shot(page, 'inventory-products-on-order');
  });

  test('A second delivery: the remaining laptops, serials pasted as a list; the order is received in full', async () => {
    const { page } = browser;
    await openOrder(page, PO_LAPTOP);
    await actions(page).getByRole('link', { name: t('purchasing:order.receive') }).click();
    await expectHeading(page, t('purchasing:receiving.title'));
    await expectLocatorText(page.getByTestId('order-filter'), PO_LAPTOP);
    const open = page.getByTestId('open-lines');
    await eventually(() => open.locator('tbody tr').count()).toBe(1);
    await addToReceipt(page, PO_LAPTOP, LAPTOP_SKU);
    const laptops = receiptLine(page, PO_LAPTOP, LAPTOP_SKU);
    expect(await field(laptops, t('purchasing:receiving.line.qty')).inputValue()).toBe('2');
    await laptops.getByRole('button', { name: t('pickers:serials.pasteToggle') }).click();
    await laptops.getByTestId('serial-paste').fill(`${SERIALS[2]}\n${SERIALS[3]}\n`);
    await laptops.getByRole('button', { name: t('pickers:serials.pasteAdd') }).click();
    await expectLocatorText(laptops.getByTestId('serial-counter'), /2\D+2/);
    await expectLocatorText(laptops.getByTestId('serial-list'), `${SERIALS[2]} ${SERIALS[3]}`);
    await fill(laptops, t('purchasing:receiving.line.invoice'), INVOICE_3);
    await shot(page, 'receiving-pasted-serials');
    await clickButton(page.getByTestId('receipt-panel'), t('purchasing:receiving.receipt.post'));
    await expectLocatorText(page.getByTestId('receipt-posted'), x.posted('RCV-1002', 2));

    await openOrder(page, PO_LAPTOP);
    await expectStatus(page, 'receivedFull');
    await expectCell(page.getByTestId('po-lines'), LAPTOP_SKU, t('purchasing:lines.received'), '4');
    await expectCell(page.getByTestId('po-lines'), LAPTOP_SKU, t('purchasing:lines.outstanding'), '0');
    await shot(page, 'po-received-full');
  });

  test('Receipts tab: cancel the second receipt; History lists every step; a serial already in stock is refused', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: t('purchasing:order.tabs.receipts') }).click();
    const receipts = page.getByTestId('po-receipts');
    const first = receipts.locator('[data-receipt="RCV-1001"]');
    const second = receipts.locator('[data-receipt="RCV-1002"]');
    // The first delivery carried the freight, spread by value: each laptop costs 1,080.00 + 12.33.
    await expectLocatorText(first, INVOICE_1);
    await expectLocatorText(first, x.landedTotal);
    await expectLocatorText(first, x.freightSplit);
    await expectLocatorText(first, x.landedUnit);
    await expectLocatorText(first, x.otherOrders(PO_SUPPLIES));
    await expectLocatorText(first.getByTestId('receipt-serials'), `${SERIALS[0]}, ${SERIALS[1]}`);
    await expectLocatorText(second.getByTestId('receipt-serials'), `${SERIALS[2]}, ${SERIALS[3]}`);

    await page.getByRole('button', { name: t('purchasing:receipts.cancelNamed', { number: 'RCV-1002' }), exact: true }).click();
    const modal = dialog(page, t('purchasing:receipts.cancelTitle', { number: 'RCV-1002' }));
    await fill(modal, t('purchasing:common.reason'), d.cancelReason);
    await shot(page, 'po-receipt-cancel');
    await clickButton(modal, t('purchasing:receipts.cancel'));
    await modal.waitFor({ state: 'detached' });
    await expectLocatorText(second, x.receiptCanceled);
    await expectLocatorText(second, d.cancelReason);
    await expectStatus(page, 'receivedPartial');
    expect(await page.getByRole('button', { name: t('purchasing:receipts.cancelNamed', { number: 'RCV-1002' }) }).count()).toBe(0);
    await shot(page, 'po-receipts');

    // Newest first: every step of the order, by whom and when.
    await page.getByRole('tab', { name: t('purchasing:order.tabs.history') }).click();
    const history = page.getByTestId('po-history');
    await eventually(() => history.locator('[data-event]').evaluateAll((items) => items.map((i) => i.getAttribute('data-event')))).toEqual([
      'receiptCanceled',
      'received',
      'received',
      'submitted',
      'emailed',
      'approved',
      'approvalRequested',
      'created',
    ]);
    const event = (type: string) => history.locator(`[data-event="${type}"]`);
    await expectLocatorText(event('receiptCanceled'), x.history.canceled('RCV-1002'));
    await expectLocatorText(event('receiptCanceled'), d.cancelReason);
    await expectLocatorText(event('received').first(), x.history.received('RCV-1002'));
    await expectLocatorText(event('received').last(), x.history.received('RCV-1001'));
    await expectLocatorText(event('emailed'), x.history.emailed(VENDOR_EMAIL));
    await expectLocatorText(event('approved'), x.history.approved);
    await expectLocatorText(event('created'), x.history.created);
    await expectLocatorText(event('created'), d.admin);
    await shot(page, 'po-history');

    // Receiving the 2 laptops again, one of them with a serial that is already in stock: refused, named.
    await nav(page, t('purchasing:nav.receiving'));
    await expectHeading(page, t('purchasing:receiving.title'));
    await expectCell(page.getByTestId('open-lines'), LAPTOP_SKU, t('purchasing:receiving.columns.outstanding'), '2');
    await addToReceipt(page, PO_LAPTOP, LAPTOP_SKU);
    const laptops = receiptLine(page, PO_LAPTOP, LAPTOP_SKU);
    const serialInput = laptops.getByTestId('serial-input');
    for (const serial of [SERIALS[0], SERIALS[2]]) {
      await serialInput.fill(serial);
      await serialInput.press('Enter');
    }
    await fill(laptops, t('purchasing:receiving.line.invoice'), INVOICE_3);
    const panel = page.getByTestId('receipt-panel');
    await clickButton(panel, t('purchasing:receiving.receipt.post'));
    const refusal = x.duplicateSerial(`${PO_LAPTOP} · ${LAPTOP_SKU}`, SERIALS[0]);
    await expectLocatorText(page.getByTestId('receipt-error'), refusal);
    await shot(page, 'receiving-duplicate-serial');

    // The serials of the cancelled receipt are free again: swap the duplicate for one of them.
    await laptops.getByRole('button', { name: t('pickers:serials.remove', { serial: SERIALS[0] }) }).click();
    await serialInput.fill(SERIALS[3]);
    await serialInput.press('Enter');
    await clickButton(panel, t('purchasing:receiving.receipt.post'));
    await expectLocatorText(page.getByTestId('receipt-posted'), x.posted('RCV-1003', 2));
    await eventually(() => row(page.getByTestId('open-lines'), LAPTOP_SKU).count()).toBe(0);

    await openOrder(page, PO_LAPTOP);
    await expectStatus(page, 'receivedFull');
    expect(browser.pageErrors).toEqual([]);
  });
});
