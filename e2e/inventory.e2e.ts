// The inventory-management workflow (DOMAIN.md §2) as a user clicks it, once per UI language, each on
// a fresh server and database. The browser's language decides the UI language on first start.
// The steps share one browser and build on each other; each `test` is one screen or task.
import dayjs from 'dayjs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  callApi,
  check,
  choose,
  clickButton,
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
  fillForm,
  languages,
  allowOnScreens,
  launchBrowser,
  listBox,
  nav,
  row,
  rowCells,
  rowMenu,
  shot,
  startServer,
  textOf,
  textsOf,
  translator,
  type Lang,
  type LaunchedBrowser,
  type RunningServer,
} from './support';

/** What the user types, in the language of the office. */
const data = {
  es: {
    admin: 'Ana Administradora',
    tech: 'Tomás Técnico',
    warehouse: 'Almacén central',
    returns: 'Estante de devoluciones',
    van: 'Furgoneta de Tomás',
    category: 'Hardware',
    vendor: 'Distribuciones Norte SA',
    client: 'Clínica Dental Sonrisa',
    cable: 'Cable de red Cat6 2 m',
    laptop: 'Portátil ThinkPad X1',
    money: (units: string) => units.replace('.', ','),
    addReason: 'Inventario inicial',
    scrapReason: 'Conector roto',
  },
  en: {
    admin: 'Ann Administrator',
    tech: 'Tom Technician',
    warehouse: 'Main warehouse',
    returns: 'Returns shelf',
    van: 'Tom’s van',
    category: 'Hardware',
    vendor: 'Northwind Distribution Ltd',
    client: 'Contoso Dental Clinic',
    cable: 'Cat6 network cable 2 m',
    laptop: 'ThinkPad X1 laptop',
    money: (units: string) => units,
    addReason: 'Opening stock',
    scrapReason: 'Broken connector',
  },
} as const;

/** What the user must see, written out by hand (not read from the app's translation files). */
const expected = {
  es: {
    setupTitle: 'Crear el administrador',
    kinds: { warehouse: 'Almacén', van: 'Furgoneta', returns: 'Devoluciones' },
    virtual: ['Proveedor', 'Cliente', 'Ajuste de inventario', 'Desecho', 'En tránsito'],
    active: 'Activo',
    available: 'Disponible',
    minOverMax: /El mínimo( \(5\))? no puede ser mayor que el máximo( \(2\))?/,
    duplicateInStock: (serial: string) => new RegExp(`Estos números de serie ya existen para este producto: ${serial}`),
    serialAt: (sku: string, location: string) => `${sku} · en ${location}`,
    done: 'Completada',
    inTransit: 'En tránsito',
    posted: 'Registrado',
    counted: (n: number) => `contados ${n}`,
    types: { adjustment: 'Ajuste', transfer: 'Transferencia', received: 'Transferencia recibida', stocktake: 'Recuento' },
    datePlaceholder: 'dd/mm/aaaa',
    notAfter: (day: string) => `Elija un día no posterior al ${day}`,
    total: /^2\.225,60\s€$/,
    zero: /^0,00\s€$/,
    byLocation: { warehouse: /^1\.116,00\s€$/, van: /^1\.109,60\s€$/ },
    integrityOk: /Todo coincide.*sin diferencias/,
    itemsEmpty: 'Todavía no se almacena ningún producto',
    noMatch: 'Nada coincide con estos filtros',
    clearFilters: 'Quitar filtros',
    reserved: 'Reservado',
  },
  en: {
    setupTitle: 'Create the administrator',
    kinds: { warehouse: 'Warehouse', van: 'Van', returns: 'Returns' },
    virtual: ['Vendor', 'Customer', 'Inventory adjustment', 'Scrap', 'In transit'],
    active: 'Active',
    available: 'Available',
    minOverMax: /The minimum( \(5\))? cannot be greater than the maximum( \(2\))?/,
    duplicateInStock: (serial: string) => new RegExp(`These serial numbers already exist for this product: ${serial}`),
    serialAt: (sku: string, location: string) => `${sku} · at ${location}`,
    done: 'Done',
    inTransit: 'In transit',
    posted: 'Posted',
    counted: (n: number) => `counted ${n}`,
    types: { adjustment: 'Adjustment', transfer: 'Transfer', received: 'Transfer received', stocktake: 'Stocktake' },
    // en-GB, the default English format: day first, as in Spanish.
    datePlaceholder: 'dd/mm/yyyy',
    notAfter: (day: string) => `Choose a day no later than ${day}`,
    total: /^€2,225\.60$/,
    zero: /^€0\.00$/,
    byLocation: { warehouse: /^€1,116\.00$/, van: /^€1,109\.60$/ },
    integrityOk: /Everything matches.*no differences/,
    itemsEmpty: 'No product is stocked yet',
    noMatch: 'Nothing matches these filters',
    clearFilters: 'Clear filters',
    reserved: 'Reserved',
  },
} as const;

const CABLE_SKU = 'CAB-C6-2M';
const LAPTOP_SKU = 'LAP-X1-G12';
/** Laptop serials: the first typed one per Enter, the others pasted as a list. */
const SERIALS = ['PF4X1A01', 'PF4X1A02', 'PF4X1A03'];

describe.each(languages)('inventory management (%s)', (lang: Lang) => {
  const t = translator(lang);
  const d = data[lang];
  const x = expected[lang];
  let server: RunningServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(lang);
    // What this journey names and types shows on its screens as typed.
    allowOnScreens(browser.page, [...Object.values(d), ...SERIALS]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('first start: create the administrator, arrive signed in, switch language', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.getByRole('heading', { name: x.setupTitle }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await shot(page, 'setup');
    await fillForm(page, {
      [t('auth:fields.username')]: 'admin',
      [t('auth:fields.displayName')]: d.admin,
      [t('auth:fields.password')]: 'correct-horse-1',
      [t('auth:fields.confirm')]: 'correct-horse-1',
    });
    await clickButton(page, t('auth:setup.submit'));
    // Signed in: the user menu shows who, the navigation is there.
    await expectText(page.getByRole('banner'), d.admin);
    await page.getByRole('navigation').getByRole('link', { name: t('locations:nav') }).waitFor();
    await shot(page, 'signed-in');

    // The header language switch changes every label at once, and back.
    const other = lang === 'es' ? 'en' : 'es';
    const switcher = page.getByTestId('language-switch');
    await switcher.getByText(other.toUpperCase(), { exact: true }).click();
    await page.getByRole('navigation').getByRole('link', { name: other === 'en' ? 'Locations' : 'Ubicaciones', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(other);
    await shot(page, `language-${other}`);
    await switcher.getByText(lang.toUpperCase(), { exact: true }).click();
    await page.getByRole('navigation').getByRole('link', { name: t('locations:nav'), exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  });

  test('Admin › Users: create the technician', async () => {
    const { page } = browser;
    await nav(page, t('admin:nav.users'));
    await expectHeading(page, t('admin:users.title'));
    await clickButton(page, t('admin:users.new'));
    const modal = dialog(page, t('admin:users.newTitle'));
    await fillForm(modal, {
      [t('admin:users.username')]: 'tomas',
      [t('admin:users.displayName')]: d.tech,
      [t('admin:users.password')]: 'van-driver-22',
    });
    await check(modal, t('common:permissions.stock.transfer'));
    await check(modal, t('common:permissions.stock.count'));
    await shot(page, 'user-new');
    await clickButton(modal, t('admin:users.create'));
    await modal.waitFor({ state: 'detached' });
    const techRow = row(page, d.tech);
    await expectLocatorText(techRow, 'tomas');
    await expectLocatorText(techRow, x.active);
    await shot(page, 'users');
  });

  test('Admin › Users: reset a forgotten password; the old one stops working', async () => {
    const { page } = browser;
    await rowMenu(page, t('admin:users.moreNamed', { name: d.tech }), t('admin:users.resetPassword'));
    const modal = dialog(page, t('admin:users.resetTitle', { name: d.tech }));
    await fillForm(modal, { [t('admin:users.newPassword')]: 'van-driver-23', [t('admin:users.confirmPassword')]: 'van-driver-24' });
    await clickButton(modal, t('admin:users.resetSubmit'));
    await expectText(modal, t('common:validation.passwordsDiffer'));
    await shot(page, 'user-reset-password-mismatch');
    await fill(modal, t('admin:users.confirmPassword'), 'van-driver-23');
    await clickButton(modal, t('admin:users.resetSubmit'));
    await modal.waitFor({ state: 'detached' });
    await expectNotification(page, t('admin:users.resetDone', { name: d.tech }));
    await expect(callApi(server.url, 'auth.login', { username: 'tomas', password: 'van-driver-22' })).rejects.toThrow(/INVALID_CREDENTIALS/);
    expect((await callApi(server.url, 'auth.login', { username: 'tomas', password: 'van-driver-23' })).user.username).toBe('tomas');
  });

  test('Admin › Roles: the security levels as a matrix; the technician holds the Technician role', async () => {
    const { page } = browser;
    await nav(page, t('admin:nav.roles'));
    await expectHeading(page, t('admin:roles.title'));
    const matrix = page.getByTestId('roles-matrix');
    await expectText(matrix, t('admin:roles.builtin.warehouse'));
    // Sales may manage the catalogue in this office.
    const cell = page.getByRole('checkbox', { name: t('admin:roles.cell', { role: t('admin:roles.builtin.sales'), permission: t('common:permissions.catalog.manage') }) });
    await cell.check();
    await shot(page, 'roles');
    await clickButton(page, t('admin:roles.save', { count: 1 }));
    await eventually(() => page.getByRole('button', { name: t('admin:roles.save', { count: 0 }) }).isDisabled()).toBe(true);
    await eventually(() => cell.isChecked()).toBe(true);

    await nav(page, t('admin:nav.users'));
    await expectHeading(page, t('admin:users.title'));
    await page.getByRole('button', { name: t('admin:users.editNamed', { name: d.tech }) }).click();
    const modal = dialog(page, t('admin:users.editTitle', { name: d.tech }));
    await choose(modal, t('admin:users.roles'), t('admin:roles.builtin.technician'));
    // The role adds picking and delivering to the transfers and counts ticked for him.
    await expectText(modal.getByTestId('effective-permissions'), t('common:permissions.stock.pick'));
    await modal.getByText(t('admin:users.effective'), { exact: true }).click();
    await shot(page, 'user-roles');
    await clickButton(modal, t('common:actions.saveChanges'));
    await modal.waitFor({ state: 'detached' });
    const api = await callApi(server.url, 'auth.login', { username: 'tomas', password: 'van-driver-23' });
    expect(api.user.permissions).toEqual(expect.arrayContaining(['stock.pick', 'stock.deliver', 'stock.count', 'stock.transfer']));
  });

  test('Locations: warehouse, returns shelf, technician van; virtual locations read-only', async () => {
    const { page } = browser;
    await nav(page, t('locations:nav'));
    await expectHeading(page, t('locations:title'));
    await expectText(page, t('locations:empty.title'));
    await shot(page, 'locations-empty');

    const create = async (name: string, kind: 'warehouse' | 'returns' | 'van', extra: (modal: ReturnType<typeof dialog>) => Promise<void> = async () => {}) => {
      await clickButton(page, t('locations:new'));
      const modal = dialog(page, t('locations:form.createTitle'));
      await fill(modal, t('locations:fields.name'), name);
      if (kind !== 'warehouse') await choose(modal, t('locations:fields.kind'), t(`locations:kinds.${kind}`));
      await fill(modal, t('locations:fields.address'), 'Calle Mayor 1, 28013 Madrid');
      await extra(modal);
      await shot(page, `location-new-${kind}`);
      await clickButton(modal, t('locations:form.create'));
      await modal.waitFor({ state: 'detached' });
      await row(page, name).waitFor();
    };
    await create(d.warehouse, 'warehouse', (modal) => check(modal, t('locations:form.makeDefault')));
    await create(d.returns, 'returns');
    await create(d.van, 'van', async (modal) => {
      // A van without its driver is refused by the form.
      await clickButton(modal, t('locations:form.create'));
      await expectText(modal, t('locations:form.ownerRequired'));
      await choose(modal, t('locations:fields.owner'), d.tech);
    });

    await expectLocatorText(row(page, d.warehouse), x.kinds.warehouse);
    await row(page, d.warehouse).getByLabel(t('locations:default')).first().waitFor();
    await expectLocatorText(row(page, d.returns), x.kinds.returns);
    await expectLocatorText(row(page, d.van), `${x.kinds.van} ${d.tech}`);
    await shot(page, 'locations');

    // Virtual locations: listed, with their translated names, and nothing to edit.
    await check(page, t('locations:showVirtual'));
    const virtual = page.getByTestId('virtual-locations');
    for (const name of x.virtual) await expectText(virtual, name);
    // Nothing to edit: the only button is the table's column chooser.
    expect(await virtual.locator('button:not([data-testid="column-chooser"])').count()).toBe(0);
    expect(await virtual.getByTestId('column-chooser').count()).toBe(1);
    expect(await virtual.getByRole('textbox').count()).toBe(0);
    await shot(page, 'locations-virtual');
    await check(page, t('locations:showVirtual'), false);
  });

  test('Catalogue: category, vendor with address, client, cable and serialized laptop with its vendor', async () => {
    const { page } = browser;
    await nav(page, t('catalog:nav.categories'));
    await expectHeading(page, t('catalog:categories.title'));
    await clickButton(page, t('catalog:categories.add'));
    let modal = dialog(page, t('catalog:categories.addTitle'));
    await fill(modal, t('catalog:fields.name'), d.category);
    await shot(page, 'category-new');
    await clickButton(modal, t('catalog:categories.add'));
    await modal.waitFor({ state: 'detached' });
    await expectLocatorText(row(page, d.category), `${d.category} 0`);
    await shot(page, 'categories');

    await nav(page, t('catalog:nav.companies'));
    await expectHeading(page, t('catalog:companies.title'));
    await clickButton(page, t('catalog:companies.new'));
    modal = dialog(page, t('catalog:companies.newTitle'));
    await fill(modal, t('catalog:companies.fields.name'), d.vendor);
    await check(modal, t('catalog:companies.fields.isVendor'));
    await check(modal, t('catalog:companies.fields.isClient'), false);
    await fillForm(modal, {
      [t('catalog:companies.fields.contactName')]: 'Laura Pérez',
      [t('catalog:companies.fields.email')]: 'ventas@norte.example',
      [t('catalog:companies.fields.address1')]: 'Polígono Industrial Norte, nave 7',
      [t('catalog:companies.fields.city')]: 'Bilbao',
      [t('catalog:companies.fields.postalCode')]: '48001',
      [t('catalog:companies.fields.country')]: 'España',
    });
    await shot(page, 'company-vendor-new');
    await clickButton(modal, t('common:actions.create'));
    await modal.waitFor({ state: 'detached' });
    await expectLocatorText(row(page, d.vendor), 'Bilbao');

    await clickButton(page, t('catalog:companies.new'));
    modal = dialog(page, t('catalog:companies.newTitle'));
    await fill(modal, t('catalog:companies.fields.name'), d.client);
    await fill(modal, t('catalog:companies.fields.city'), 'Sevilla');
    await clickButton(modal, t('common:actions.create'));
    await modal.waitFor({ state: 'detached' });
    await row(page, d.client).waitFor();
    await shot(page, 'companies');

    // Products: the cable (counted by quantity) and the laptop (one serial per unit).
    const newProduct = async (sku: string, name: string, cost: string, price: string, serialized: boolean) => {
      await nav(page, t('catalog:nav.products'));
      await expectHeading(page, t('catalog:products.title'));
      await page.getByRole('link', { name: t('catalog:products.new') }).first().click();
      await expectHeading(page, t('catalog:products.newTitle'));
      const form = page.getByTestId('product-form');
      await fill(form, t('catalog:fields.sku'), sku);
      await fill(form, t('catalog:fields.name'), name);
      await choose(form, t('catalog:fields.category'), d.category);
      await fill(form, t('catalog:fields.unitCost'), d.money(cost));
      await fill(form, t('catalog:fields.unitPrice'), d.money(price));
      await fill(form, t('catalog:fields.msrp'), d.money(price));
      if (serialized) await check(form, t('catalog:fields.serialized'));
      await shot(page, `product-new-${serialized ? 'laptop' : 'cable'}`);
      await clickButton(form, t('catalog:products.create'));
      // A new product opens on its vendors tab.
      await expectHeading(page, name);
    };
    await newProduct(CABLE_SKU, d.cable, '3.50', '9.90', false);
    await newProduct(LAPTOP_SKU, d.laptop, '1100.00', '1499.00', true);
    await expectText(page.getByRole('main'), t('catalog:fields.serialized'));
    await clickButton(page, t('catalog:vendors.add'));
    modal = dialog(page, t('catalog:vendors.addTitle'));
    await choose(modal, t('catalog:fields.vendor'), d.vendor, d.vendor.slice(0, 6));
    await fill(modal, t('catalog:fields.vendorPartNumber'), '21KC-ES');
    await fill(modal, t('catalog:fields.vendorCost'), d.money('1080.00'));
    await shot(page, 'product-vendor-new');
    await clickButton(modal, t('common:actions.save'));
    await modal.waitFor({ state: 'detached' });
    await expectLocatorText(page.getByTestId('product-vendors').locator('tbody tr').first(), new RegExp(`${d.vendor}.*21KC-ES.*1[.,]?080`));
    await shot(page, 'product-laptop-vendors');

    await nav(page, t('catalog:nav.products'));
    const table = page.getByTestId('products-table');
    await expectLocatorText(row(table, CABLE_SKU), d.cable);
    await expectLocatorText(row(table, LAPTOP_SKU), d.laptop);
    const cells = await rowCells(row(table, CABLE_SKU));
    expect(cells).toContain(d.category);
    await shot(page, 'products');

    // The category counts its own products: both are in it, none inactive (it used to show 1 for every category).
    await nav(page, t('catalog:nav.categories'));
    await expectHeading(page, t('catalog:categories.title'));
    await expectLocatorText(row(page, d.category), `${d.category} 2 0`);
    await shot(page, 'categories-counted');
  });

  test('Inventory products: stock the laptop and the cable at the warehouse; min > max is refused', async () => {
    const { page } = browser;
    await nav(page, t('stock:nav.items'));
    await expectHeading(page, t('stock:items.title'));
    // Nothing stocked and no filter set: the list says what to do, not that a filter hides everything.
    await expectText(page.getByTestId('empty-state'), x.itemsEmpty);
    expect(await page.getByTestId('list-no-match').count()).toBe(0);
    await shot(page, 'inventory-products-empty');

    const stock = async (sku: string, name: string, bin: string, min: number, max: number) => {
      await clickButton(page, t('stock:items.stockProduct'));
      const modal = dialog(page, t('stock:items.createTitle'));
      await choose(modal, t('stock:common.product'), `${sku} · ${name}`, sku.slice(0, 3));
      await choose(modal, t('stock:common.location'), d.warehouse);
      await fill(modal, t('stock:items.bin'), bin);
      await fill(modal, t('stock:items.min'), min);
      await fill(modal, t('stock:items.max'), max);
      return modal;
    };
    // The laptop, first with a minimum above the maximum: the translated refusal shows on the form.
    let modal = await stock(LAPTOP_SKU, d.laptop, 'B-02', 5, 2);
    await clickButton(modal, t('stock:items.stockProduct'));
    await expectText(modal, x.minOverMax);
    await shot(page, 'inventory-product-min-over-max');
    await fill(modal, t('stock:items.max'), 8);
    await clickButton(modal, t('stock:items.stockProduct'));
    await modal.waitFor({ state: 'detached' });

    modal = await stock(CABLE_SKU, d.cable, 'A-01', 20, 200);
    await clickButton(modal, t('stock:items.stockProduct'));
    await modal.waitFor({ state: 'detached' });

    const table = page.getByTestId('inventory-products');
    // The column the user reads as "Available" is there, in their language.
    await expectText(table.locator('thead'), x.available);
    await expectCell(table, LAPTOP_SKU, t('stock:columns.bin'), 'B-02');
    await expectCell(table, LAPTOP_SKU, t('stock:columns.min'), '5');
    await expectCell(table, LAPTOP_SKU, t('stock:columns.max'), '8');
    await expectCell(table, LAPTOP_SKU, t('stock:columns.onHand'), '0');
    await expectCell(table, CABLE_SKU, t('stock:columns.location'), d.warehouse);
    await expectCell(table, CABLE_SKU, t('stock:columns.available'), '0');
    await shot(page, 'inventory-products');
  });

  test('Add stock by hand: 10 cables at a manual cost with a reason; 3 serialized laptops; duplicates refused', async () => {
    const { page } = browser;
    const table = page.getByTestId('inventory-products');
    const actions = (sku: string) => t('stock:items.rowActions', { sku, location: d.warehouse });

    // 10 cables at a manual unit cost.
    await rowMenu(page, actions(CABLE_SKU), t('stock:items.addStock'));
    let modal = dialog(page, t('stock:add.title', { sku: CABLE_SKU, location: d.warehouse }));
    await fill(modal, t('stock:common.quantity'), 10);
    await modal.getByTestId('cost-method').getByText(t('stock:add.methods.manual'), { exact: true }).click();
    await fill(modal, t('stock:add.manualCost'), d.money('3.20'));
    await fill(modal, t('stock:common.reason'), d.addReason);
    await shot(page, 'add-stock-cable');
    await clickButton(modal, t('stock:add.submit'));
    await modal.waitFor({ state: 'detached' });
    await expectCell(table, CABLE_SKU, t('stock:columns.onHand'), '10');
    await expectCell(table, CABLE_SKU, t('stock:columns.available'), '10');
    await expectCell(table, CABLE_SKU, t('stock:columns.value'), /^32[.,]00\s?€|€\s?32[.,]00$/);

    // 3 laptops: one serial typed and Enter (as a scanner does), a repeat refused, the rest pasted.
    await rowMenu(page, actions(LAPTOP_SKU), t('stock:items.addStock'));
    modal = dialog(page, t('stock:add.title', { sku: LAPTOP_SKU, location: d.warehouse }));
    await fill(modal, t('stock:common.quantity'), 3);
    const serialInput = modal.getByTestId('serial-input');
    await serialInput.fill(SERIALS[0]!);
    await serialInput.press('Enter');
    await expectLocatorText(modal.getByTestId('serial-list'), SERIALS[0]!);
    await serialInput.fill(SERIALS[0]!);
    await serialInput.press('Enter');
    await expectText(modal, SERIALS[0]!);
    await expectLocatorText(modal.getByTestId('serial-counter'), /1\D+3/);
    await modal.getByRole('button', { name: t('pickers:serials.pasteToggle') }).click();
    await modal.getByTestId('serial-paste').fill(`${SERIALS[1]}\n${SERIALS[2]}\n${SERIALS[0]}`);
    await modal.getByRole('button', { name: t('pickers:serials.pasteAdd') }).click();
    await expectLocatorText(modal.getByTestId('serial-counter'), /3\D+3/);
    await expectLocatorText(modal.getByTestId('serial-list'), `${SERIALS[0]} ${SERIALS[1]} ${SERIALS[2]}`);
    // A fourth serial for three units is refused as it is scanned.
    await serialInput.fill('EXTRA-4');
    await serialInput.press('Enter');
    await expectText(modal, t('pickers:serials.allEntered', { qty: 3 }));
    await serialInput.fill('');
    await fill(modal, t('stock:common.reason'), d.addReason);
    await shot(page, 'add-stock-laptop-serials');
    await clickButton(modal, t('stock:add.submit'));
    await modal.waitFor({ state: 'detached' });
    await expectCell(table, LAPTOP_SKU, t('stock:columns.onHand'), '3');

    // A serial already in stock is flagged as soon as it is scanned, and refused by the server, named, on save.
    await rowMenu(page, actions(LAPTOP_SKU), t('stock:items.addStock'));
    modal = dialog(page, t('stock:add.title', { sku: LAPTOP_SKU, location: d.warehouse }));
    await modal.getByTestId('serial-input').fill(SERIALS[1]!.toLowerCase());
    await modal.getByTestId('serial-input').press('Enter');
    await expectLocatorText(modal.getByTestId('serial-taken'), SERIALS[1]!.toLowerCase());
    await shot(page, 'add-stock-serial-taken');
    await clickButton(modal, t('stock:add.submit'));
    await expectText(modal, x.duplicateInStock(SERIALS[1]!.toLowerCase()));
    await shot(page, 'add-stock-duplicate-serial');
    await clickButton(modal, t('common:actions.cancel'));
    await modal.waitFor({ state: 'detached' });
    await expectCell(table, LAPTOP_SKU, t('stock:columns.onHand'), '3');
  });

  test('Remove stock: 1 cable to Scrap', async () => {
    const { page } = browser;
    const table = page.getByTestId('inventory-products');
    await rowMenu(page, t('stock:items.rowActions', { sku: CABLE_SKU, location: d.warehouse }), t('stock:items.removeStock'));
    const modal = dialog(page, t('stock:remove.title', { sku: CABLE_SKU, location: d.warehouse }));
    await fill(modal, t('stock:common.quantity'), 1);
    await modal.getByTestId('remove-destination').getByText(t('stock:remove.destinations.scrap'), { exact: true }).click();
    await fill(modal, t('stock:common.reason'), d.scrapReason);
    await shot(page, 'remove-stock-scrap');
    await clickButton(modal, t('stock:remove.submit'));
    await modal.waitFor({ state: 'detached' });
    await expectCell(table, CABLE_SKU, t('stock:columns.onHand'), '9');
    await expectCell(table, CABLE_SKU, t('stock:columns.available'), '9');
    await shot(page, 'inventory-products-after-adjustments');
  });

  test('Transfers: 2 cables and 1 laptop by serial to the van directly; 1 cable shipped, then received', async () => {
    const { page } = browser;
    const vanOption = `${d.van} (${d.tech})`;
    await nav(page, t('stock:nav.transfers'));
    await expectHeading(page, t('stock:transfers.title'));

    await clickButton(page, t('stock:transfers.new'));
    await expectHeading(page, t('stock:transferForm.title'));
    await choose(page, t('stock:transferForm.from'), d.warehouse);
    await choose(page, t('stock:transferForm.to'), vanOption);
    const line1 = page.getByTestId('stock-line-1');
    await choose(line1, t('pickers:stockLines.productAtSource'), `${CABLE_SKU} · ${d.cable}`);
    await fill(line1, t('pickers:stockLines.quantity'), 2);
    await clickButton(page, t('pickers:stockLines.addLine'));
    const line2 = page.getByTestId('stock-line-2');
    await choose(line2, t('pickers:stockLines.productAtSource'), `${LAPTOP_SKU} · ${d.laptop}`);
    // The laptop goes by its serial, scanned into the picker.
    const pick = line2.getByTestId('serial-pick-input');
    await pick.fill(SERIALS[1]!);
    await pick.press('Enter');
    await expectLocatorText(line2.getByTestId('serial-chosen-count'), /^1\D/);
    await fill(page, t('stock:common.note'), d.tech);
    await shot(page, 'transfer-new-direct');
    await clickButton(page, t('stock:transferForm.submit'));

    // The new transfer's page: its lines, the laptop by its serial.
    await expectHeading(page, /TRF-\d+/);
    await expectText(page.getByTestId('transfer-lines'), SERIALS[1]!);
    await expectText(page.getByTestId('transfer-lines'), CABLE_SKU);
    await nav(page, t('stock:nav.transfers'));
    await expectHeading(page, t('stock:transfers.title'));
    const transfers = page.getByTestId('transfers');
    await expectCell(transfers, d.tech, t('stock:columns.status'), x.done);
    await expectCell(transfers, d.tech, t('stock:columns.units'), '3');
    await expectCell(transfers, d.tech, t('stock:columns.to'), d.van);

    // Ship one cable: it stays in transit until the van receives it.
    await clickButton(page, t('stock:transfers.new'));
    await expectHeading(page, t('stock:transferForm.title'));
    await choose(page, t('stock:transferForm.from'), d.warehouse);
    await choose(page, t('stock:transferForm.to'), vanOption);
    await page.getByTestId('transfer-mode').getByText(t('stock:transferForm.modes.ship'), { exact: true }).click();
    await expectText(page, t('stock:transferForm.modeHint.ship'));
    await choose(page.getByTestId('stock-line-1'), t('pickers:stockLines.productAtSource'), `${CABLE_SKU} · ${d.cable}`);
    await fill(page.getByTestId('stock-line-1'), t('stock:common.quantity'), 1);
    await shot(page, 'transfer-new-ship');
    await clickButton(page, t('stock:transferForm.submitShip'));
    await expectHeading(page, /TRF-\d+/);
    await expectText(page, x.inTransit);
    await shot(page, 'transfer-in-transit');
    // The van counts what arrived and receives it.
    await clickButton(page, t('stock:transfers.receive'));
    const receipt = page.getByRole('dialog');
    await receipt.getByRole('textbox', { name: `${t('stock:transfers.arrived')} · ${CABLE_SKU}` }).fill('1');
    await shot(page, 'transfer-receive');
    await clickButton(receipt, t('stock:transfers.receiveSubmit', { count: 1 }));
    await receipt.waitFor({ state: 'detached' });
    await expectText(page, x.done);
    await nav(page, t('stock:nav.transfers'));
    await expectHeading(page, t('stock:transfers.title'));
    await eventually(() => row(transfers, x.done).count()).toBe(2);
    expect(await row(transfers, x.inTransit).count()).toBe(0);
    await shot(page, 'transfers-received');

    // The van now holds 3 cables and the laptop; the warehouse 6 cables and 2 laptops.
    await nav(page, t('stock:nav.items'));
    await expectHeading(page, t('stock:items.title'));
    const items = page.getByTestId('inventory-products');
    await choose(page, t('stock:common.location'), vanOption);
    await expectCell(items, CABLE_SKU, t('stock:columns.onHand'), '3');
    await expectCell(items, LAPTOP_SKU, t('stock:columns.onHand'), '1');
    await expectCell(items, LAPTOP_SKU, t('stock:columns.location'), d.van);
    await shot(page, 'inventory-products-van');
    await choose(page, t('stock:common.location'), d.warehouse);
    await expectCell(items, CABLE_SKU, t('stock:columns.onHand'), '6');
    await expectCell(items, LAPTOP_SKU, t('stock:columns.onHand'), '2');
  });

  test('Stocktake of the warehouse: scan the cable SKU and a laptop serial, review the differences, post', async () => {
    const { page } = browser;
    await nav(page, t('stock:nav.counts'));
    await expectHeading(page, t('stock:counts.title'));
    await clickButton(page, t('stock:counts.start'));
    const modal = dialog(page, t('stock:counts.startTitle'));
    await choose(modal, t('stock:common.location'), d.warehouse);
    await shot(page, 'stocktake-start');
    await clickButton(modal, t('stock:counts.start'));
    await expectHeading(page, new RegExp(escapeRegExp(d.warehouse)));

    // The shelf holds 6 cables and 2 laptops; the counter finds 5 cables and one laptop.
    const scan = page.getByTestId('scan-input');
    const feedback = page.getByTestId('scan-feedback');
    for (let i = 1; i <= 5; i++) {
      await scan.fill(CABLE_SKU);
      await scan.press('Enter');
      await expectLocatorText(feedback, x.counted(i));
    }
    await expectLocatorText(feedback, `${d.cable} (${CABLE_SKU})`);
    await scan.fill(SERIALS[0]!);
    await scan.press('Enter');
    await expectLocatorText(feedback, `${SERIALS[0]}`);
    await expectLocatorText(feedback, x.counted(1));
    const lines = page.getByTestId('count-lines');
    await expectCell(lines, CABLE_SKU, t('stock:columns.expected'), '6');
    await expectCell(lines, LAPTOP_SKU, t('stock:columns.counted'), '1');
    await shot(page, 'stocktake-scanning');

    await page.getByTestId('count-view').getByText(t('stock:counts.reviewDifferences', { count: 2 }), { exact: true }).click();
    await expectLocatorText(page.getByTestId(`difference-${CABLE_SKU}`), /^[−-]1$/);
    await expectLocatorText(page.getByTestId(`difference-${LAPTOP_SKU}`), /^[−-]1$/);
    // The laptop that was not scanned is named.
    await row(lines, LAPTOP_SKU).click();
    await expectText(lines, SERIALS[2]!);
    await shot(page, 'stocktake-differences');

    await page.getByRole('button', { name: t('stock:counts.post') }).first().click();
    const confirm = dialog(page);
    await expectText(confirm, t('stock:counts.post'));
    await fill(confirm, t('stock:common.reason'), d.addReason);
    await shot(page, 'stocktake-post-confirm');
    await clickButton(confirm, t('stock:counts.post'));
    await confirm.waitFor({ state: 'detached' });
    await page.getByTestId('count-read-only').waitFor();
    await expectText(page.getByRole('main'), x.posted);
    await shot(page, 'stocktake-posted');

    await nav(page, t('stock:nav.items'));
    const items = page.getByTestId('inventory-products');
    await choose(page, t('stock:common.location'), d.warehouse);
    await expectCell(items, CABLE_SKU, t('stock:columns.onHand'), '5');
    await expectCell(items, LAPTOP_SKU, t('stock:columns.onHand'), '1');
  });

  test('Inventory Transfers & Updates: every change, filtered by serial and by location', async () => {
    const { page } = browser;
    await nav(page, t('stock:nav.history'));
    await expectHeading(page, t('stock:history.title'));
    const history = page.getByTestId('history');
    await history.locator('tbody tr').first().waitFor();
    for (const type of Object.values(x.types)) await row(history, type).first().waitFor();
    await shot(page, 'history-all');

    // By serial: the laptop that went to the van was added by hand, then transferred.
    await fill(page, t('stock:history.serial'), SERIALS[1]!);
    await eventually(() => history.locator('tbody tr').count()).toBe(2);
    await expectLocatorText(row(history, x.types.transfer), `${d.warehouse} → ${d.van}`);
    await expectLocatorText(row(history, x.types.adjustment), d.addReason);
    await shot(page, 'history-by-serial');
    await fill(page, t('stock:history.serial'), '');

    // By location: everything that touched the van, and nothing else.
    await choose(page, t('stock:common.location'), `${d.van} (${d.tech})`);
    await row(history, x.types.received).first().waitFor();
    await eventually(async () => {
      const texts = await history.locator('tbody tr').allTextContents();
      return texts.length >= 3 && texts.every((text) => text.includes(d.van));
    }).toBe(true);
    await shot(page, 'history-by-location');

    // A stocktake's number opens that stocktake.
    await nav(page, t('stock:nav.history'));
    const counted = row(history, x.types.stocktake).first().getByRole('link').first();
    await eventually(() => textOf(counted)).toMatch(/\d/);
    const number = await textOf(counted);
    await counted.click();
    await page.getByTestId('count-read-only').waitFor();
    await expectText(page.getByRole('main'), number);
  });

  test('Lists: a column hidden and compact rows kept after a reload; a filter that matches nothing; a row link by keyboard', async () => {
    const { page, context } = browser;
    await nav(page, t('stock:nav.items'));
    const items = page.getByTestId('inventory-products');
    await row(items, CABLE_SKU).first().waitFor();
    const headers = () => textsOf(items.locator('thead th'));
    const rowHeight = async () => (await row(items, CABLE_SKU).first().boundingBox())!.height;
    expect(await headers()).toContain(x.reserved);
    const comfortable = await rowHeight();

    // The column chooser: Reserved hidden, compact rows.
    await page.getByTestId('column-chooser').click();
    const menu = page.getByTestId('column-chooser-menu');
    await check(menu, t('common:table.compact'));
    await check(menu, t('stock:columns.reserved'), false);
    await shot(page, 'items-column-chooser');
    await page.keyboard.press('Escape');
    await eventually(headers).not.toContain(x.reserved);
    expect(await rowHeight()).toBeLessThan(comfortable);

    // Remembered for this user and this list after a reload.
    await page.reload();
    await row(items, CABLE_SKU).first().waitFor();
    expect(await headers()).not.toContain(x.reserved);
    expect(await headers()).toContain(t('stock:columns.available'));
    expect(await rowHeight()).toBeLessThan(comfortable);
    await shot(page, 'items-reserved-hidden-after-reload');
    // Another list keeps its own columns.
    await nav(page, t('stock:nav.lots'));
    await row(page.getByTestId('lots'), CABLE_SKU).first().waitFor();
    expect(await textsOf(page.getByTestId('lots').locator('thead th'))).toContain(t('stock:columns.allocated'));

    // Back to the usual view: Reserved is there again. The list first shows the view it remembers (the
    // chooser's reset is enabled only once that view is in).
    await nav(page, t('stock:nav.items'));
    await row(items, CABLE_SKU).first().waitFor();
    await eventually(headers).not.toContain(x.reserved);
    await page.getByTestId('column-chooser').click();
    await clickButton(menu, t('common:table.resetView'));
    await page.keyboard.press('Escape');
    await eventually(headers).toContain(x.reserved);
    expect(await rowHeight()).toBe(comfortable);

    // A sortable title is a button: SKU descending puts the laptop first, and the header says the order.
    // The first row's SKU, read under its column's title (a tick box for labels comes first).
    const firstSku = async () => (await rowCells(items.locator('tbody tr')))[(await headers()).indexOf(t('stock:columns.sku'))];
    const skuHeader = items.locator('thead th').filter({ has: page.getByRole('button', { name: t('stock:columns.sku'), exact: true }) });
    expect(await skuHeader.getAttribute('aria-sort')).toBe('ascending');
    await skuHeader.getByRole('button').click();
    await eventually(() => skuHeader.getAttribute('aria-sort')).toBe('descending');
    await eventually(firstSku).toBe(LAPTOP_SKU);
    await skuHeader.getByRole('button').press('Enter');
    await eventually(() => skuHeader.getAttribute('aria-sort')).toBe('ascending');
    await eventually(firstSku).toBe(CABLE_SKU);

    // A filter that matches nothing says so and offers to clear it; clearing brings the rows back.
    await fill(page, t('common:search'), 'no-such-product-zz');
    const noMatch = page.getByTestId('list-no-match');
    await expectText(noMatch, x.noMatch);
    await shot(page, 'items-no-match');
    await clickButton(noMatch, x.clearFilters);
    await row(items, CABLE_SKU).first().waitFor();
    expect(await field(page, t('common:search')).inputValue()).toBe('');

    // A stocktake's number is a real link: Tab reaches it, Enter opens the stocktake.
    await nav(page, t('stock:nav.counts'));
    const counts = page.getByTestId('counts');
    const link = counts.locator('tbody tr').first().locator('a[data-row-link]');
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^#\/stock\/counts\/\d+$/);
    const number = await textOf(link);
    await page.getByTestId('column-chooser').focus();
    for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.hasAttribute('data-row-link') ?? false)); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(number);
    await shot(page, 'counts-row-link-focused');
    await page.keyboard.press('Enter');
    await page.getByTestId('count-read-only').waitFor();
    await expectText(page.getByRole('main'), number);
    // A table inside a document has its own column chooser: the stocktake's lines without Expected.
    const countLines = page.getByTestId('count-lines');
    const lineHeaders = () => textsOf(countLines.locator('thead th'));
    await eventually(lineHeaders).toContain(t('stock:columns.expected'));
    await page.getByTestId('column-chooser').click();
    await check(menu, t('stock:columns.expected'), false);
    await page.keyboard.press('Escape');
    await eventually(lineHeaders).not.toContain(t('stock:columns.expected'));
    expect(await lineHeaders()).toContain(t('stock:columns.counted'));
    await page.getByTestId('column-chooser').click();
    await clickButton(menu, t('common:table.resetView'));
    await page.keyboard.press('Escape');
    await eventually(lineHeaders).toContain(t('stock:columns.expected'));

    // In the browser, Ctrl+click opens the stocktake in a new tab, signed in.
    await nav(page, t('stock:nav.counts'));
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click({ modifiers: ['Control'] })]);
    try {
      await tab.getByTestId('count-read-only').waitFor();
      expect(new URL(tab.url()).hash).toMatch(/^#\/stock\/counts\/\d+$/);
    } finally {
      await tab.close();
    }
    await expectHeading(page, t('stock:counts.title'));
    expect(browser.pageErrors).toEqual([]);
  });

  test('Lists fit the window: the last column of Inventory products and History is reachable at 1280×720 and 1440×900', async () => {
    const { page } = browser;
    const lists = [
      { nav: t('stock:nav.items'), testId: 'inventory-products', name: 'items' },
      { nav: t('stock:nav.history'), testId: 'history', name: 'history' },
    ];
    try {
      for (const size of [
        { width: 1280, height: 720 },
        { width: 1440, height: 900 },
      ]) {
        await page.setViewportSize(size);
        for (const list of lists) {
          await nav(page, list.nav);
          const table = page.getByTestId(list.testId);
          await table.locator('tbody tr').first().waitFor();
          const reach = await reachLastColumn(page, table);
          // Inventory products has more columns than a 1280 px window: the last one is reached by scrolling.
          if (list.name === 'items' && size.width === 1280) expect(reach.hiddenBefore).toBe(true);
          expect(reach.lastHeaderShown).toBe(true);
          expect(reach.scrollBarOnScreen).toBe(true);
          await shot(page, `${list.name}-last-column-${size.width}x${size.height}`);
        }
      }
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  test('Inventory value: by location, by product, month-end chart, and at a past date', async () => {
    const { page } = browser;
    await nav(page, t('stock:nav.value'));
    await expectHeading(page, t('stock:value.title'));
    // 8 cables at 3.20 and 2 laptops at 1,100.00 remain.
    const total = page.getByTestId('value-total');
    await eventually(() => textOf(total)).toMatch(x.total);
    const byLocation = page.getByTestId('value-by-location');
    await expectCell(byLocation, d.warehouse, t('stock:columns.value'), x.byLocation.warehouse);
    await expectCell(byLocation, d.warehouse, t('stock:columns.units'), '6');
    await expectCell(byLocation, d.van, t('stock:columns.value'), x.byLocation.van);
    await expectCell(byLocation, d.van, t('stock:columns.units'), '4');
    const byProduct = page.getByTestId('value-by-product');
    await expectCell(byProduct, LAPTOP_SKU, t('stock:columns.units'), '2');
    await expectCell(byProduct, CABLE_SKU, t('stock:columns.units'), '8');
    // The laptops are worth the most: listed first.
    await eventually(async () => textOf(byProduct.locator('tbody tr').first())).toContain(LAPTOP_SKU);
    await page.locator('.recharts-surface').first().waitFor();
    await shot(page, 'value-today');

    // Yesterday nothing was in stock yet: typed as the empty field asks, day first in both languages.
    const asOf = field(page, t('stock:value.asOf'));
    expect(await asOf.getAttribute('placeholder')).toBe(x.datePlaceholder);
    // Tomorrow has no value yet: refused with the last day allowed, not silently ignored.
    await asOf.fill(dayjs().add(1, 'day').format('DD/MM/YYYY'));
    await asOf.press('Enter');
    await expectText(page.getByRole('main'), x.notAfter(dayjs().format('DD/MM/YYYY')));
    const yesterday = dayjs().subtract(1, 'day');
    await asOf.fill(yesterday.format('D/M/YY'));
    await asOf.press('Enter');
    await eventually(() => textOf(total)).toMatch(x.zero);
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: t('stock:value.title') }).click();
    // Written back as lists write days.
    expect(await asOf.inputValue()).toBe(yesterday.format('DD/MM/YYYY'));
    await shot(page, 'value-yesterday');
  });

  test('Global search (Ctrl+K) finds a serial and where it is', async () => {
    const { page } = browser;
    await page.keyboard.press('Control+KeyK');
    const input = page.getByTestId('global-search-input');
    await input.waitFor();
    await input.fill(SERIALS[1]!.toLowerCase());
    const result = page.locator('.mantine-Spotlight-action').filter({ hasText: SERIALS[1]! });
    await expectLocatorText(result, x.serialAt(LAPTOP_SKU, d.van));
    await shot(page, 'global-search-serial');
    await result.first().click();
    await eventually(() => page.url()).toContain('/stock/lots');
    await expectHeading(page, t('stock:lots.title'));
    await expectLocatorText(row(page, SERIALS[1]!), d.van);
    await shot(page, 'stocked-items-serial');
  });

  test('Global search with a scanner: a code and Enter at once open the best match for that code', async () => {
    const { page } = browser;
    const input = page.getByTestId('global-search-input');
    const highlighted = page.locator('.mantine-Spotlight-action[data-selected]');
    const openSearch = async () => {
      await page.keyboard.press('Control+KeyK');
      await input.waitFor();
      await eventually(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    };
    /** What a scanner (or a fast typist) does: every key of the code with no pause, then Enter at once. */
    const scan = async (code: string) => {
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
    };
    const expectSerialPage = async (serial: string) => {
      await eventually(() => decodeURIComponent(page.url())).toMatch(new RegExp(`/stock/lots\\?(.*&)?serial=${serial}(&|$)`));
      await expectHeading(page, t('stock:lots.title'));
      await expectLocatorText(row(page, serial), serial);
      await input.waitFor({ state: 'hidden' });
    };

    // An exact serial opens the stocked item with that serial (the third laptop left with the stocktake).
    await openSearch();
    await scan(SERIALS[0]!);
    await expectSerialPage(SERIALS[0]!);
    await shot(page, 'scan-serial-opened');

    // A vendor's part number typed in lower case opens its product.
    await openSearch();
    await scan('21kc-es');
    await expectHeading(page, d.laptop);
    await input.waitFor({ state: 'hidden' });

    // A SKU in lower case with spaces around it opens its product.
    await openSearch();
    await scan(`  ${CABLE_SKU.toLowerCase()} `);
    await expectHeading(page, d.cable);
    expect(page.url()).toMatch(/#\/catalog\/products\/\d+$/);
    await input.waitFor({ state: 'hidden' });

    // The results of the text before are still on screen, their first row highlighted, when the
    // code is completed and Enter pressed: the completed code opens, not that highlighted row.
    await openSearch();
    await page.keyboard.type(SERIALS[0]!.slice(0, -1));
    await expectLocatorText(highlighted, SERIALS[0]!);
    await shot(page, 'scan-previous-results');
    await scan(SERIALS[1]!.slice(-1));
    await expectSerialPage(SERIALS[1]!);
    await expectLocatorText(row(page, SERIALS[1]!), d.van);

    // Another code's results on screen, the text replaced by a scan: the scanned serial opens.
    await openSearch();
    await page.keyboard.type(LAPTOP_SKU);
    await expectLocatorText(highlighted, d.laptop);
    await input.press('ControlOrMeta+KeyA');
    await scan(SERIALS[0]!.toLowerCase());
    await expectSerialPage(SERIALS[0]!);
    await expectLocatorText(row(page, SERIALS[0]!), d.warehouse);

    // Typed by hand: the best result is pre-selected, so Enter opens it like in any search box.
    await openSearch();
    await page.keyboard.type(CABLE_SKU.slice(0, 6));
    await expectLocatorText(highlighted, d.cable);
    await shot(page, 'search-first-preselected');
    await page.keyboard.press('Enter');
    await expectHeading(page, d.cable);
    await input.waitFor({ state: 'hidden' });

    // Nothing found: Enter opens nothing and the search stays open, saying so.
    await openSearch();
    await scan('NO-SUCH-CODE-404');
    await expectText(page.getByRole('dialog'), t('search:nothing', { q: 'NO-SUCH-CODE-404' }));
    await shot(page, 'scan-nothing-found');
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden' });
    await expectHeading(page, d.cable);
    expect(browser.pageErrors).toEqual([]);
  });

  test('Admin › Integrity check: the ledger is consistent', async () => {
    const { page } = browser;
    await nav(page, t('admin:nav.integrity'));
    await expectHeading(page, t('admin:integrity.title'));
    await page.getByTestId('run-integrity-check').click();
    const ok = page.getByTestId('integrity-ok');
    await expectLocatorText(ok, x.integrityOk);
    await shot(page, 'integrity-ok');
    expect(browser.pageErrors).toEqual([]);
  });
});

/**
 * Scrolls a list's table into view and all the way right, as a user would with its scroll bar, and
 * says whether its last column's header was out of sight before, is on screen now (inside the table's
 * box and the window), and whether the horizontal scroll bar (when the table overflows) is on screen.
 */
async function reachLastColumn(page: Page, table: Locator) {
  const root = listBox(table);
  const shown = () =>
    table.locator('thead th').last().evaluate((th) => {
      const cell = th.getBoundingClientRect();
      const box = th.closest('.app-table-scroll')!.getBoundingClientRect();
      // Not under the app's fixed header either.
      const top = document.querySelector('.mantine-AppShell-header')?.getBoundingClientRect().bottom ?? 0;
      return cell.left >= box.left - 1 && cell.right <= box.right + 1 && cell.left >= 0 && cell.right <= window.innerWidth && cell.top >= top && cell.bottom <= window.innerHeight;
    });
  await root.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  const hiddenBefore = !(await shown());
  const scroller = root.locator('.app-table-scroll').first();
  const overflows = await scroller.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    return el.scrollWidth > el.clientWidth;
  });
  await eventually(shown).toBe(true);
  // The native horizontal scroll bar is the bottom strip of the scroll box (offsetHeight − clientHeight
  // high; 0 in a headless browser, which hides scroll bars: then the box's bottom edge, where it shows).
  const bar = overflows
    ? await scroller.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const height = (el as HTMLElement).offsetHeight - el.clientHeight;
        return { y: box.bottom - height, height };
      })
    : null;
  const windowHeight = page.viewportSize()!.height;
  return { hiddenBefore, lastHeaderShown: await shown(), scrollBarOnScreen: !overflows || (bar !== null && bar.y >= 0 && bar.y + bar.height <= windowHeight) };
}
