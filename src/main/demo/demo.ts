// The demo data set: a year in the life of a small MSP, built only through the channels a user would
// call, so it goes through the same validation, ledger and history as real work. Every call carries a
// backdated time that only moves forward (setup a year ago, then daily work until yesterday). A seeded
// generator makes the result the same on every machine; an in-memory model of the stock lets the
// script choose only moves the ledger will accept (serials on hand, quantities available).
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import {
  categoryNames,
  clients,
  descriptions,
  ean13,
  pricing,
  productGroups,
  scrapReasons,
  serialFor,
  stocking,
  ticketTasks,
  vendorPartNumber,
  vendors,
  type CategoryName,
  type SerialStyle,
  type VendorKey,
} from './catalog-data';
import type { DemoCaller } from './types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Working hours in UTC (09:00–17:30 in Madrid in winter). */
const WORK_START = 8 * HOUR;
const WORK_END = 16 * HOUR + 30 * MINUTE;
/** No warehouse deliveries in the last weeks: some items end below their minimum, as in real life. */
const LAST_DELIVERY_DAY = 342;
const LAST_WORK_DAY = 360;
const MAIN_WAREHOUSE_ADDRESS = 'Calle de la Industria 14, Nave 3\n28823 Coslada (Madrid)\nSpain';

/** Password of the two demo technicians. Demo only: anyone who reads this source knows it. */
export const DEMO_TECHNICIAN_PASSWORD = 'demo-technician';

const technicians = [
  { username: 'lucia', displayName: 'Lucía Martín', van: 'Van – Lucía', vanNotes: 'Renault Kangoo, 4821 LMN' },
  { username: 'tom', displayName: 'Tom Becker', van: 'Van – Tom', vanNotes: 'Citroën Berlingo, 7305 KPR' },
] as const;

const invoicePrefix: Record<VendorKey, string> = {
  ingram: 'IM-', tdsynnex: 'TDS', esprinet: 'ESP/', also: 'AL', exclusive: 'EXN-', westcon: 'WCE', arrow: 'AR-', dell: '70', lenovo: 'LPS-', amazon: 'ES-AB-',
};

/** Non-serialized products that technicians carry in their vans (by SKU). */
/** Warranty of a delivered unit, in months, per category (none for the rest). */
const warrantyMonths: Partial<Record<CategoryName, number>> = { Laptops: 36, Desktops: 36, Monitors: 36, Firewalls: 12, 'Access points': 24, Switches: 24 };

const vanSkus = [
  'CAB-C6-100-GR', 'CAB-C6-200-GR', 'CAB-C6-300-GR', 'CAB-C6-500-GR', 'CAB-HDMI-200', 'CAB-DP-200', 'CAB-USBC-100', 'CAB-PWR-C13-180', 'CAB-VELCRO-5M',
  'LOG-M185', 'LOG-MK270-ES', 'HP-125-MOUSE', 'DEL-DA20', 'KIN-DTX-64', 'SAM-990PRO-1T', 'KIN-16G-D5-SO',
];

// Deterministic randomness ------------------------------------------------------------------

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: tiny, fast and good enough for demo data. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  draw = (set: string, n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += set[Math.floor(this.next() * set.length)];
    return s;
  };
}

/**
 * Backdated office time: starts on the Monday a year ago, moves forward only, skips nights and weekends.
 * Starting on a Monday keeps the same weekday for every day index, so the data set does not depend on
 * the date it is loaded on.
 */
class Clock {
  private readonly day0: number;
  at: number;
  constructor(now: number, private readonly rng: Rng) {
    const yearAgo = Math.floor((now - 365 * DAY) / DAY) * DAY;
    this.day0 = yearAgo - ((new Date(yearAgo).getUTCDay() + 6) % 7) * DAY;
    this.at = this.day0 + WORK_START;
  }
  static isWorkingDay(t: number): boolean {
    const weekday = new Date(t).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
  get day(): number {
    return Math.floor((this.at - this.day0) / DAY);
  }
  get weekday(): number {
    return new Date(this.at).getUTCDay();
  }
  /** Starts working day `day`; false on weekends. Never goes back in time. */
  startDay(day: number): boolean {
    const morning = this.day0 + day * DAY + WORK_START;
    if (!Clock.isWorkingDay(morning)) return false;
    this.at = Math.max(this.at, morning + this.rng.int(0, 40) * MINUTE);
    return true;
  }
  nextWorkingDay(): void {
    let day = this.day + 1;
    while (!this.startDay(day)) day++;
  }
  step(minSeconds: number, maxSeconds: number): number {
    this.at += this.rng.int(minSeconds, maxSeconds) * SECOND;
    if (this.at - Math.floor(this.at / DAY) * DAY > WORK_END) {
      let next = Math.floor(this.at / DAY) * DAY + DAY + WORK_START;
      while (!Clock.isWorkingDay(next)) next += DAY;
      this.at = next + this.rng.int(0, 30) * MINUTE;
    }
    return this.at;
  }
}

/** What the demo believes is on hand, per product and location (serials oldest first). */
class StockModel {
  private readonly places = new Map<string, { qty: number; serials: string[] }>();
  private place(productId: number, locationId: number) {
    const key = `${productId}@${locationId}`;
    let p = this.places.get(key);
    if (!p) this.places.set(key, (p = { qty: 0, serials: [] }));
    return p;
  }
  qty(productId: number, locationId: number): number {
    return this.place(productId, locationId).qty;
  }
  serials(productId: number, locationId: number, protectedSerials: ReadonlySet<string>): string[] {
    return this.place(productId, locationId).serials.filter((s) => !protectedSerials.has(s));
  }
  add(productId: number, locationId: number, qty: number, serials: string[] = []): void {
    const p = this.place(productId, locationId);
    p.qty += qty;
    p.serials.push(...serials);
  }
  remove(productId: number, locationId: number, qty: number, serials: string[] = []): void {
    const p = this.place(productId, locationId);
    if (p.qty < qty) throw new Error(`demo model: only ${p.qty} of product ${productId} at location ${locationId}`);
    p.qty -= qty;
    p.serials = p.serials.filter((s) => !serials.includes(s));
  }
  rename(productId: number, locationId: number, from: string, to: string): void {
    const p = this.place(productId, locationId);
    p.serials = p.serials.map((s) => (s === from ? to : s));
  }
}

interface DemoProduct {
  id: number;
  sku: string;
  category: CategoryName;
  serialized: boolean;
  serialStyle?: SerialStyle;
  serialPrefix?: string;
  /** Usual cost in euros. */
  costEur: number;
  stocked: boolean;
  vendor: VendorKey;
}

interface InventoryLine {
  id: number;
  product: DemoProduct;
  locationId: number;
  bin: string | null;
  min: number;
  max: number;
}

/** Euros to the ten-thousandths the app stores, at whole cents. */
function money(euros: number): number {
  return Math.round(euros * 100) * 100;
}

/** Shop-style prices: 1285.00, 30.90, 3.45. */
function shelfPrice(euros: number): number {
  if (euros >= 100) return Math.ceil(euros / 5) * 5;
  if (euros >= 10) return Math.ceil(euros) - 0.1;
  return Math.ceil(euros * 20) / 20;
}

export function loadDemoData(call: DemoCaller, now: number): void {
  new DemoBuilder(call, now).build();
}

class DemoBuilder {
  private readonly rng = new Rng(0x4d5350);
  private readonly clock: Clock;
  private readonly model = new StockModel();
  private readonly usedSerials = new Set<string>();
  /** Serials the story needs untouched until their moment (the mistyped one). */
  private readonly protectedSerials = new Set<string>();
  private readonly categoryIds = new Map<CategoryName, number>();
  private readonly vendorIds = new Map<VendorKey, number>();
  private readonly products: DemoProduct[] = [];
  private readonly lines: InventoryLine[] = [];
  private readonly loc = { main: 0, shelf: 0, returns: 0, vans: [] as number[] };
  private technicianIds: number[] = [];
  private readonly clientIds = new Map<string, number>();
  private readonly returnsQueue: { product: DemoProduct; serial: string; since: number }[] = [];
  /** Units sent back to their vendor, waiting for its answer. */
  private readonly vendorQueue: { id: number; product: DemoProduct; since: number }[] = [];
  private ticket = 24_310;
  private invoice = 40_120;
  private mistyped: { product: DemoProduct; wrong: string; right: string } | null = null;
  /** Units on submitted purchase orders per product, and the orders still to arrive. */
  private readonly onOrder = new Map<number, number>();
  private readonly pendingOrders: { id: number; vendor: VendorKey }[] = [];

  constructor(
    private readonly call: DemoCaller,
    private readonly now: number,
  ) {
    this.clock = new Clock(now, this.rng);
  }

  /** Calls a channel a little later than the previous call. */
  private send<C extends ChannelName>(channel: C, input: ChannelInput<C>, minSeconds = 20, maxSeconds = 180): ChannelOutput<C> {
    const at = this.clock.step(minSeconds, maxSeconds);
    if (at >= this.now) throw new Error(`demo: ${channel} would happen in the future`);
    return this.call(channel, input, at);
  }

  build(): void {
    this.setUpOffice();
    this.enterCatalogue();
    this.setUpLocations();
    this.countOpeningStock();
    for (let day = this.clock.day + 1; day <= LAST_WORK_DAY; day++) {
      if (this.clock.startDay(day)) this.workDay(day);
    }
    this.closeTheYear();
  }

  // Setup -----------------------------------------------------------------------------------

  private setUpOffice(): void {
    this.send('settings.update', {
      companyName: 'Demo IT Services',
      currency: 'EUR',
      requireAdjustmentReason: true,
      defaultCostMethod: 'average',
      companyAddress: 'Paseo de la Castellana 95, planta 4\n28046 Madrid\nSpain',
      companyTaxId: 'B-87654321',
      companyEmail: 'compras@demo-it.example',
      companyPhone: '+34 910 00 00 00',
      defaultShipToAddress: MAIN_WAREHOUSE_ADDRESS,
      poNumberPrefix: 'PO-',
      approvalThreshold: money(5000),
      // One person buys and approves in this demo office (the demo admin), so they may approve their own orders.
      allowSelfApproval: true,
      requireVendorInvoiceNumber: true,
    });
    // Approval tiers: a team lead approves up to 10,000 €, management up to 50,000 €; the demo admin, above.
    this.send('purchasing.saveApprovalLimit', { name: 'Team lead', upTo: money(10_000) });
    this.send('purchasing.saveApprovalLimit', { name: 'Management', upTo: money(50_000) });
    // The technicians hold the built-in Technician role (transfer, count, pick, deliver).
    const technicianRole = this.send('roles.list', {}).find((r) => r.key === 'technician')!.id;
    this.technicianIds = technicians.map(
      (t) =>
        this.send('users.create', {
          username: t.username,
          displayName: t.displayName,
          password: DEMO_TECHNICIAN_PASSWORD,
          permissions: [],
          roleIds: [technicianRole],
        }).id,
    );
    for (const name of categoryNames) this.categoryIds.set(name, this.send('catalog.saveCategory', { name }).id);
    for (const [key, v] of Object.entries(vendors) as [VendorKey, (typeof vendors)[VendorKey]][]) {
      this.vendorIds.set(key, this.send('catalog.createCompany', { ...v, isVendor: true, isClient: false }, 60, 400).id);
    }
    for (const c of clients) this.clientIds.set(c.name, this.send('catalog.createCompany', { ...c, isVendor: false, isClient: true }, 60, 400).id);
  }

  private enterCatalogue(): void {
    for (const group of productGroups) {
      for (const [name, sku, mpn, costEur, serialPrefix] of group.items) {
        const { markup, msrp } = pricing[group.category];
        const price = shelfPrice(costEur * markup * (0.98 + this.rng.next() * 0.05));
        const serialized = group.serial !== undefined;
        const created = this.send(
          'catalog.createProduct',
          {
            sku,
            name,
            description: descriptions[group.category],
            categoryId: this.categoryIds.get(group.category)!,
            manufacturer: group.manufacturer === 'Various' ? name.split(' ')[0]! : group.manufacturer,
            manufacturerPartNumber: mpn,
            barcode: group.category === 'Licences' ? null : ean13(this.rng.draw),
            unitCost: money(costEur),
            unitPrice: money(price),
            msrp: money(Math.max(price, shelfPrice(price * msrp))),
            serialized,
            eligibleForRma: serialized,
            // Cables come from the van's stock; licences are activated in the distributor's portal.
            doesNotRequireProcurement: group.category === 'Cables' || group.category === 'Licences',
            billingPeriod: group.billingPeriod ?? 'oneTime',
            trackedInStock: group.stocked !== false,
            warrantyMonths: warrantyMonths[group.category] ?? 0,
          },
          60,
          300,
        );
        const [defaultVendor, otherVendor] = group.vendors;
        this.send('catalog.saveProductVendor', { productId: created.id, vendorId: this.vendorIds.get(defaultVendor)!, vendorPartNumber: vendorPartNumber(defaultVendor, mpn, this.rng.draw), vendorCost: money(costEur), isDefault: true }, 10, 60);
        if (otherVendor && this.rng.chance(0.35)) {
          const cost = money(costEur * (0.97 + this.rng.next() * 0.07));
          this.send('catalog.saveProductVendor', { productId: created.id, vendorId: this.vendorIds.get(otherVendor)!, vendorPartNumber: vendorPartNumber(otherVendor, mpn, this.rng.draw), vendorCost: cost, isDefault: false }, 10, 60);
        }
        this.products.push({ id: created.id, sku, category: group.category, serialized, serialStyle: group.serial, serialPrefix, costEur, stocked: group.stocked !== false, vendor: defaultVendor });
      }
    }
  }

  private setUpLocations(): void {
    this.loc.main = this.send('locations.create', { name: 'Main warehouse', kind: 'warehouse', isDefault: true, address: 'Calle de la Industria 14, Nave 3, 28823 Coslada (Madrid)', notes: 'Goods-in door at the back; open 8:00–17:00.' }).id;
    this.loc.shelf = this.send('locations.create', { name: 'Office shelf', kind: 'shelf', refillFromId: this.loc.main, notes: 'Ground floor, behind reception: quick-grab items and toner.' }).id;
    this.loc.returns = this.send('locations.create', { name: 'Returns shelf', kind: 'returns', notes: 'Faulty or returned units waiting for tests or RMA.' }).id;
    // The vans and the office shelf are refilled from the main warehouse: reorder suggestions transfer from there before buying.
    this.loc.vans = technicians.map((t, i) => this.send('locations.create', { name: t.van, kind: 'van', ownerUserId: this.technicianIds[i]!, refillFromId: this.loc.main, notes: t.vanNotes }).id);
    // Location rights: besides their own vans, the technicians may take quick-grab items from the office shelf.
    technicians.forEach((t, i) => this.send('users.update', { id: this.technicianIds[i]!, displayName: t.displayName, permissions: [], isAdmin: false, active: true, locationIds: [this.loc.shelf] }));

    const perAisle = new Map<string, number>();
    for (const product of this.products.filter((p) => p.stocked)) {
      const plan = stocking[product.category];
      const n = perAisle.get(plan.aisle) ?? 0;
      perAisle.set(plan.aisle, n + 1);
      const bin = `${plan.aisle}-${String(Math.floor(n / 4) + 1).padStart(2, '0')}-${(n % 4) + 1}`;
      this.stockAt(product, this.loc.main, bin, plan.min, plan.max);
      const onShelf = product.category === 'Peripherals' || product.category === 'Cables' ? this.rng.chance(0.4) : true;
      if (plan.shelf && onShelf) {
        this.stockAt(product, this.loc.shelf, `OS-${categoryNames.indexOf(product.category) % 6 + 1}`, 1, Math.max(3, Math.ceil(plan.max / 3)));
      }
    }
    for (const vanId of this.loc.vans) {
      for (const sku of vanSkus) {
        const product = this.product(sku);
        this.stockAt(product, vanId, product.category === 'Cables' ? 'Crate A' : 'Drawer 1', product.category === 'Cables' ? 4 : 1, product.category === 'Cables' ? 12 : 3);
      }
    }
  }

  private stockAt(product: DemoProduct, locationId: number, bin: string, min: number, max: number): void {
    const created = this.send('stock.createInventoryProduct', { productId: product.id, locationId, bin, min, max }, 15, 90);
    this.lines.push({ id: created.id, product, locationId, bin, min, max });
  }

  private countOpeningStock(): void {
    for (const line of this.lines) {
      if (line.locationId === this.loc.main) {
        const top = line.product.serialized ? line.max - 1 : line.max;
        const qty = this.rng.chance(0.1) ? 0 : this.rng.int(Math.min(line.min, top), top);
        if (qty > 0) this.addStock(line.product, this.loc.main, qty, 'Opening stock – initial count', 0.93);
      } else if (line.locationId === this.loc.shelf) {
        this.addStock(line.product, this.loc.shelf, this.rng.int(line.min, line.max), 'Opening stock – initial count', 0.93);
      }
    }
    // One serial was mistyped at the opening count; it is corrected a few weeks later (stock.editSerial).
    const laptop = this.product('LEN-T14G5-I5-16-512');
    const right = this.newSerial(laptop);
    const wrong = right.slice(0, -1) + (right.endsWith('8') ? 'B' : '8');
    this.usedSerials.add(wrong);
    this.protectedSerials.add(wrong);
    this.mistyped = { product: laptop, wrong, right };
    this.send('stock.add', { productId: laptop.id, locationId: this.loc.main, qty: 1, costMethod: 'manual', unitCost: money(laptop.costEur * 0.95), serials: [wrong], reason: 'Opening stock – initial count' });
    this.model.add(laptop.id, this.loc.main, 1, [wrong]);

    const vanLines = this.lines.filter((l) => this.loc.vans.includes(l.locationId));
    for (const vanId of this.loc.vans) this.restockVan(vanId, vanLines, 'Initial van stock');
  }

  // A working day ----------------------------------------------------------------------------

  /** One-off events of the story, each on the first working day from its day on. */
  private readonly milestones: { day: number; run: () => void }[] = [
    { day: 24, run: () => this.correctMistypedSerial() },
    { day: 150, run: () => this.shipToVanAndReceive() },
    { day: 300, run: () => this.countOfficeShelf() },
  ];

  private workDay(day: number): void {
    while (this.milestones.length > 0 && this.milestones[0]!.day <= day) this.milestones.shift()!.run();

    const vanLines = this.lines.filter((l) => this.loc.vans.includes(l.locationId));
    if (this.clock.weekday === 1) for (const vanId of this.loc.vans) this.restockVan(vanId, vanLines, 'Weekly van restock');
    if (this.clock.weekday === 1) this.orderWhatIsDue();
    if (this.clock.weekday === 3 && day <= LAST_DELIVERY_DAY) this.receiveDeliveries();
    if (this.clock.weekday === 5 && day % 28 < 7) this.restockShelf();

    const jobs = (this.rng.chance(0.4) ? 1 : 0) + (this.rng.chance(0.1) ? 1 : 0);
    for (let i = 0; i < jobs; i++) this.doJob(this.rng.int(0, this.loc.vans.length - 1));
    if (this.rng.chance(0.08)) this.deliverToner();
    if (this.rng.chance(0.04)) this.scrapSomething();
    this.processReturns(day);
  }

  /**
   * A technician's job at a client: a ticket, the units installed and the consumables used as its
   * charges, picked from the van and delivered on site (devices for the serialized ones).
   */
  private doJob(tech: number): void {
    const vanId = this.loc.vans[tech]!;
    const client = this.rng.pick(clients).name;
    const task = this.rng.pick(ticketTasks);
    const reason = `${client} – ticket #T-${this.ticket++}, ${task}`;
    let ticketId: number | null = null;
    const ticket = () => (ticketId ??= this.openTicket(client, task, this.technicianIds[tech]!));
    const charges: number[] = [];
    if (this.rng.chance(0.35)) {
      const candidates = this.products.filter((p) => p.serialized && this.available(p, this.loc.main).length > 0);
      if (candidates.length > 0) {
        const product = this.rng.pick(candidates);
        const serials = this.available(product, this.loc.main).slice(0, this.rng.int(1, product.category === 'Access points' ? 4 : 2));
        this.transfer(this.loc.main, vanId, [{ product, serials }], `For ${reason}`);
        if (this.rng.chance(0.2)) {
          // Dead on arrival at the client: back to the returns shelf to be tested, then to the vendor.
          const faulty = serials.pop()!;
          this.transfer(vanId, this.loc.returns, [{ product, serials: [faulty] }], `Dead on arrival at ${client}, to be tested`);
          this.returnsQueue.push({ product, serial: faulty, since: this.clock.day });
        }
        if (serials.length > 0) charges.push(this.chargeFromStock(ticket(), product, vanId, serials.length, serials));
      }
    }
    const inVan = vanSkus.map((sku) => this.product(sku)).filter((p) => this.model.qty(p.id, vanId) > 0);
    for (let i = this.rng.chance(0.8) ? 1 : 2; i > 0 && inVan.length > 0; i--) {
      const product = inVan.splice(this.rng.int(0, inVan.length - 1), 1)[0]!;
      const qty = Math.min(this.model.qty(product.id, vanId), product.category === 'Cables' ? this.rng.int(1, 4) : 1);
      charges.push(this.chargeFromStock(ticket(), product, vanId, qty, []));
    }
    if (charges.length > 0) this.send('delivery.deliver', { method: 'deliver', lines: charges.map((chargeId) => ({ chargeId })), note: `Installed on site: ${task}` });
  }

  private openTicket(client: string, task: string, technicianId: number): number {
    const title = task.charAt(0).toUpperCase() + task.slice(1);
    return this.send('sales.createContainer', { kind: 'ticket', title, companyId: this.clientIds.get(client)!, ownerUserId: technicianId }, 30, 120).id;
  }

  /** A charge on the container for units at a location, picked there at once (the serials given, else oldest first). */
  private chargeFromStock(containerId: number, product: DemoProduct, locationId: number, qty: number, serials: string[]): number {
    const charge = this.send('sales.createCharge', { containerId, productId: product.id, quantity: qty }, 10, 60);
    this.send('stock.pick', product.serialized ? { chargeId: charge.id, locationId, serials } : { chargeId: charge.id, locationId, qty }, 10, 60);
    this.model.remove(product.id, locationId, qty, product.serialized ? serials : undefined);
    return charge.id;
  }

  private deliverToner(): void {
    const toner = this.products.filter((p) => p.category === 'Toner & printing' && this.model.qty(p.id, this.loc.shelf) > 0);
    if (toner.length === 0) return;
    const product = this.rng.pick(toner);
    const client = this.rng.pick(clients).name;
    this.ticket++;
    const ticketId = this.openTicket(client, 'printer supplies', this.technicianIds[this.rng.int(0, this.technicianIds.length - 1)]!);
    const chargeId = this.chargeFromStock(ticketId, product, this.loc.shelf, 1, []);
    this.send('delivery.deliver', { method: 'deliver', lines: [{ chargeId }] });
  }

  private scrapSomething(): void {
    const candidates = this.products.filter((p) => !p.serialized && p.stocked && this.model.qty(p.id, this.loc.main) > 0);
    if (candidates.length === 0) return;
    const product = this.rng.pick(candidates);
    this.removeStock(product, this.loc.main, Math.min(2, this.model.qty(product.id, this.loc.main)), [], 'scrap', this.rng.pick(scrapReasons));
  }

  /**
   * Units on the returns shelf for two weeks are tested: half go back to stock, the rest go back to their
   * vendor as dead on arrival; a week later the vendor sends a replacement (most often) or credits them.
   */
  private processReturns(day: number): void {
    while (this.returnsQueue.length > 0 && day - this.returnsQueue[0]!.since >= 14) {
      const { product, serial } = this.returnsQueue.shift()!;
      if (this.rng.chance(0.5)) this.transfer(this.loc.returns, this.loc.main, [{ product, serials: [serial] }], 'Tested OK – back to stock');
      else {
        const doc = this.vendorReturn(product, this.loc.returns, { serials: [serial] }, 'deadOnArrival', `RA-${invoicePrefix[product.vendor]}${this.invoice++}`, 'Dead on arrival at the client, confirmed on the bench');
        this.vendorQueue.push({ id: doc.id, product, since: day });
      }
    }
    while (this.vendorQueue.length > 0 && day - this.vendorQueue[0]!.since >= 7) {
      const { id, product } = this.vendorQueue.shift()!;
      if (this.rng.chance(0.7)) {
        const serial = this.newSerial(product);
        this.send('vendorReturns.resolve', { id, lines: [{ lineNo: 1, replaced: 1, serials: [serial] }], locationId: this.loc.main });
        this.model.add(product.id, this.loc.main, 1, [serial]);
      } else {
        this.send('vendorReturns.resolve', { id, lines: [{ lineNo: 1, credited: 1 }], creditNoteNumber: `CN-${invoicePrefix[product.vendor]}${this.invoice++}` });
      }
    }
  }

  private restockVan(vanId: number, vanLines: InventoryLine[], note: string): void {
    const lines = vanLines
      .filter((l) => l.locationId === vanId && this.model.qty(l.product.id, vanId) < l.min)
      .map((l) => ({ product: l.product, qty: Math.min(l.max - this.model.qty(l.product.id, vanId), this.model.qty(l.product.id, this.loc.main)) }))
      .filter((l) => l.qty > 0);
    if (lines.length > 0) this.transfer(this.loc.main, vanId, lines, note);
  }

  private restockShelf(): void {
    const lines = this.lines
      .filter((l) => l.locationId === this.loc.shelf && this.model.qty(l.product.id, l.locationId) < l.min + 1)
      .map((l) => ({ product: l.product, qty: Math.min(l.max - this.model.qty(l.product.id, l.locationId), this.model.qty(l.product.id, this.loc.main)) }))
      .filter((l) => l.qty > 0);
    if (lines.length > 0) this.transfer(this.loc.main, this.loc.shelf, lines, 'Monthly top-up of the office shelf');
  }

  /** Wednesday deliveries: what fell below its minimum is reordered up to its maximum, per vendor. */
  /**
   * Monday: what fell below its minimum at the main warehouse is ordered up to its maximum, one purchase
   * order per vendor (approved first when it reaches the threshold) and submitted.
   */
  private orderWhatIsDue(): void {
    const due = this.lines.filter(
      (l) => l.locationId === this.loc.main && this.model.qty(l.product.id, l.locationId) + (this.onOrder.get(l.product.id) ?? 0) < l.min && this.rng.chance(0.85),
    );
    const byVendor = new Map<VendorKey, InventoryLine[]>();
    for (const l of due) byVendor.set(l.product.vendor, [...(byVendor.get(l.product.vendor) ?? []), l]);
    for (const [vendor, lines] of byVendor) {
      const order = this.send('purchasing.createOrder', {
        vendorId: this.vendorIds.get(vendor)!,
        shipToName: 'Demo IT Services – Main warehouse',
        shipToAddress: MAIN_WAREHOUSE_ADDRESS,
        shippingType: this.rng.chance(0.2) ? 'Express 24 h' : 'Standard ground',
        paymentTerms: '30 days from invoice',
        lines: lines.map((l) => ({ productId: l.product.id, qty: l.max - this.model.qty(l.product.id, l.locationId) - (this.onOrder.get(l.product.id) ?? 0), locationId: l.locationId })),
      });
      if (order.needsApproval) {
        this.send('purchasing.requestApproval', { id: order.id });
        this.send('purchasing.approve', { id: order.id, note: 'Replenishment within budget' }, 600, 3600);
      }
      this.send('purchasing.submit', { id: order.id });
      for (const line of order.lines) this.onOrder.set(line.productId, (this.onOrder.get(line.productId) ?? 0) + line.qtyOrdered);
      this.pendingOrders.push({ id: order.id, vendor });
    }
  }

  /**
   * Wednesday: the week's deliveries arrive, one receipt per order with the vendor's invoice number and
   * scanned serials; now and then a line comes short (back ordered until next week) or with freight.
   */
  private receiveDeliveries(): void {
    for (const pending of [...this.pendingOrders]) {
      const order = this.send('purchasing.getOrder', { id: pending.id }, 5, 30);
      const lines = order.lines
        .filter((l) => l.outstanding > 0)
        .map((l) => {
          const qty = l.outstanding >= 4 && this.rng.chance(0.12) ? Math.floor(l.outstanding / 2) : l.outstanding;
          const product = this.products.find((p) => p.id === l.productId)!;
          return { line: l, product, qty, serials: product.serialized ? Array.from({ length: qty }, () => this.newSerial(product)) : undefined };
        });
      const freight = this.rng.chance(0.25) ? money(this.rng.int(12, 45)) : 0;
      this.send('purchasing.receive', {
        lines: lines.map((l) => ({ lineId: l.line.id, qty: l.qty, serials: l.serials, vendorInvoiceNumber: `${invoicePrefix[pending.vendor]}${this.invoice}` })),
        freight,
        splitFreight: freight > 0,
      });
      this.invoice++;
      for (const l of lines) {
        this.model.add(l.product.id, l.line.locationId, l.qty, l.serials);
        this.onOrder.set(l.product.id, (this.onOrder.get(l.product.id) ?? 0) - l.qty);
      }
      if (lines.every((l) => l.qty === l.line.outstanding)) this.pendingOrders.splice(this.pendingOrders.indexOf(pending), 1);
    }
  }

  // The story's single events ----------------------------------------------------------------

  private correctMistypedSerial(): void {
    const m = this.mistyped!;
    const lots = this.send('stock.listLots', { productId: m.product.id, serial: m.wrong });
    this.send('stock.editSerial', { lotId: lots.rows[0]!.lotId, serialNumber: m.right });
    this.model.rename(m.product.id, this.loc.main, m.wrong, m.right);
    this.protectedSerials.delete(m.wrong);
  }

  /** A courier takes access points to Lucía, working away for a week; she receives them the next day. */
  private shipToVanAndReceive(): void {
    const aps = this.product('UBQ-U6-PRO');
    this.ensureAtMain(aps, 4);
    const cables = this.product('CAB-C6-200-GR');
    this.ensureAtMain(cables, 10);
    const vanId = this.loc.vans[0]!;
    const serials = this.available(aps, this.loc.main).slice(0, 4);
    const doc = this.transfer(this.loc.main, vanId, [{ product: aps, serials }, { product: cables, qty: 10 }], 'Courier to Málaga – Hotel Mirador del Puerto Wi-Fi refresh', 'ship');
    this.clock.nextWorkingDay();
    this.send('stock.receiveTransfer', { id: doc.id });
    this.model.add(aps.id, vanId, 4, serials);
    this.model.add(cables.id, vanId, 10);
    // The hotel's ticket bills them, picked from her van and delivered on site.
    const ticketId = this.openTicket('Hotel Mirador del Puerto', 'Wi-Fi refresh', this.technicianIds[0]!);
    const chargeId = this.chargeFromStock(ticketId, aps, vanId, 4, serials);
    this.send('delivery.deliver', { method: 'deliver', lines: [{ chargeId }], note: 'Installed on site: Wi-Fi refresh' });
    // One access point died the next day: Lucía takes it back (the swap wizard, no spare in her van), it goes
    // to an RMA with Ubiquiti's distributor, the hotel is credited, and the unit is on its way to the vendor.
    this.clock.nextWorkingDay();
    const device = this.send('devices.list', { serial: serials[3]! }).rows[0]!;
    const swap = this.send('devices.swap', {
      deviceId: device.id,
      fate: 'rma',
      condition: 'faulty',
      reason: 'No PoE power after one day',
      rma: { type: 'replace', fault: 'No PoE power: LED off on two switches', vendorId: this.vendorIds.get(aps.vendor)! },
    });
    const rmaId = swap.rmaId!;
    this.send('rma.authorize', { id: rmaId, note: 'Faulty unit' });
    this.send('rma.receive', { id: rmaId });
    this.clock.nextWorkingDay();
    this.send('rma.sendToVendor', { id: rmaId, vendorRmaNumber: 'RMA-ES-448812', trackingNumber: 'SEUR 0812 4471 2', expectedFromVendor: new Date(this.clock.at + 10 * DAY).toISOString().slice(0, 10) });
  }

  /** The quarterly count of the office shelf finds one toner missing and two cables too many. */
  private countOfficeShelf(): void {
    const count = this.send('stock.startCount', { locationId: this.loc.shelf, note: 'Quarterly count' });
    const lines = count.lines.filter((l) => l.expectedQty > 0);
    const missing = lines.find((l) => this.product(l.sku).category === 'Toner & printing') ?? lines[0]!;
    const extra = lines.find((l) => this.product(l.sku).category === 'Cables') ?? lines[1]!;
    const scanned = lines.find((l) => l !== missing && l !== extra && l.expectedQty <= 5);
    for (const line of lines) {
      const counted = line === missing ? line.expectedQty - 1 : line === extra ? line.expectedQty + 2 : line.expectedQty;
      if (line === scanned) for (let i = 0; i < counted; i++) this.send('stock.scanCount', { id: count.id, code: line.sku }, 2, 6);
      else this.send('stock.setCountQty', { id: count.id, productId: line.productId, countedQty: counted }, 5, 40);
      if (counted < line.expectedQty) this.model.remove(line.productId, this.loc.shelf, line.expectedQty - counted);
      if (counted > line.expectedQty) this.model.add(line.productId, this.loc.shelf, counted - line.expectedQty);
    }
    this.send('stock.postCount', { id: count.id, reason: 'Quarterly count of the office shelf' });
  }

  private closeTheYear(): void {
    // Cable use grew with the network refreshes: the minimum is raised above what is on hand, so the
    // reorder list shows it until the next delivery.
    const line = this.lines.find((l) => l.locationId === this.loc.main && l.product.sku === 'CAB-C6-200-GR')!;
    const onHand = this.model.qty(line.product.id, line.locationId);
    this.send('stock.updateInventoryProduct', { id: line.id, bin: line.bin, min: Math.max(onHand + 10, 30), max: 120 });

    // Tom found he runs out of 1 m patch cables between Monday restocks: his van's minimum and maximum are
    // raised. The main warehouse holds plenty above its own minimum, so the reorder suggestions propose a
    // transfer from there (the van is refilled from the warehouse), not a purchase.
    const patch = this.product('CAB-C6-100-GR');
    const tomsVan = this.loc.vans[1]!;
    const vanLine = this.lines.find((l) => l.locationId === tomsVan && l.product.id === patch.id)!;
    const mainLine = this.lines.find((l) => l.locationId === this.loc.main && l.product.id === patch.id)!;
    this.ensureAtMain(patch, mainLine.min + 30);
    const inVan = this.model.qty(patch.id, tomsVan);
    vanLine.min = inVan + 6;
    vanLine.max = inVan + 14;
    this.send('stock.updateInventoryProduct', { id: vanLine.id, bin: vanLine.bin, min: vanLine.min, max: vanLine.max });

    // Tom's kit for an office move in Edinburgh is with the courier: still in transit today.
    this.clock.nextWorkingDay();
    const laptop = this.products.find((p) => p.category === 'Laptops' && this.available(p, this.loc.main).length >= 2) ?? this.product('LEN-T14G5-I7-32-1T');
    this.ensureAtMain(laptop, 2);
    const dock = this.product('LEN-USBC-DOCK');
    this.ensureAtMain(dock, 2);
    this.transfer(this.loc.main, this.loc.vans[1]!, [{ product: laptop, serials: this.available(laptop, this.loc.main).slice(0, 2) }, { product: dock, qty: 2 }], 'Courier to Edinburgh – Maple & Finch office move', 'ship');

    // A laptop refresh for a client waits for the manager's approval (it is above the threshold).
    const client = this.send('catalog.listCompanies', { role: 'client', q: clients[3]!.name }).rows[0]!;
    const refresh = this.product('LEN-T14G5-I7-32-1T');
    const proposal = this.send('purchasing.createOrder', {
      vendorId: this.vendorIds.get(refresh.vendor)!,
      purchaseForCompanyId: client.id,
      shipToName: 'Demo IT Services – Main warehouse',
      shipToAddress: MAIN_WAREHOUSE_ADDRESS,
      shippingType: 'Standard ground',
      paymentTerms: '30 days from invoice',
      memo: `Laptop refresh for ${client.name}: 8 units, imaging in our workshop before delivery.`,
      lines: [
        { productId: refresh.id, qty: 8, locationId: this.loc.main },
        { productId: this.product('LEN-USBC-DOCK').id, qty: 8, locationId: this.loc.main },
      ],
    });
    this.send('purchasing.requestApproval', { id: proposal.id });

    // Vendor returns. Two docks that came as the wrong model went back last week and the vendor credited
    // them; a monitor failed its pre-delivery test this week and is on its way back to Dell's distributor.
    const wrongDocks = this.product('LEN-USBC-DOCK');
    this.ensureAtMain(wrongDocks, 2);
    const docksBack = this.vendorReturn(wrongDocks, this.loc.main, { qty: 2 }, 'wrongItem', 'LNV-RA-220961', 'Ordered the USB-C dock, received the Thunderbolt model');
    this.send('vendorReturns.resolve', { id: docksBack.id, lines: [{ lineNo: 1, credited: 2 }], creditNoteNumber: `CN-${invoicePrefix[wrongDocks.vendor]}${this.invoice++}` });
    const monitor = this.product('DEL-P2723DE');
    this.ensureAtMain(monitor, 1);
    this.vendorReturn(monitor, this.loc.main, { serials: this.available(monitor, this.loc.main).slice(0, 1) }, 'deadOnArrival', 'DELL-RMA-5567102', 'Dead pixels found in pre-delivery test', {
      trackingNumber: '1Z 999 AA1 01 2345 6784',
      expectedBy: new Date(this.now + 7 * 86_400_000).toISOString().slice(0, 10),
    });

    this.refreshProject();
    const wonLaptop = this.opportunities();
    this.buyForCharges(wonLaptop);
  }

  /**
   * Purchasing & Fulfillment: one purchase order of the laptops' vendor buys for three clients' charges
   * (the won front desk's laptop among them) and for stock. Part of it has arrived: the front-desk laptop
   * is picked for its charge (Ready), another client's charge is back-ordered (some received and picked, the
   * rest owed by the vendor), the third still On Order; the stock line is in.
   */
  private buyForCharges(wonLaptop: { chargeId: number; product: DemoProduct }): void {
    const vendor = wonLaptop.product.vendor;
    const sold = this.products.filter((p) => p.vendor === vendor && p.stocked && p.id !== wonLaptop.product.id);
    const docks = sold.find((p) => !p.serialized) ?? sold[0]!;
    const other = sold.find((p) => p.serialized) ?? wonLaptop.product;
    const charge = (client: string, task: string, product: DemoProduct, quantity: number) =>
      this.send('sales.createCharge', { containerId: this.openTicket(client, task, this.technicianIds[1] ?? this.technicianIds[0]!), productId: product.id, quantity }, 10, 60).id;
    const backOrdered = charge(clients[0]!.name, 'new starters’ desks', other, 3);
    const waiting = charge(clients[3]!.name, 'meeting room hot desks', docks, 4);
    const order = this.send('purchasing.orderForCharges', {
      vendorId: this.vendorIds.get(vendor)!,
      locationId: this.loc.main,
      charges: [{ chargeId: wonLaptop.chargeId }, { chargeId: backOrdered }, { chargeId: waiting }],
    });
    const stockLine = this.send('purchasing.addLine', { orderId: order.id, productId: docks.id, qty: 5, locationId: this.loc.main });
    const po = stockLine.needsApproval ? (this.send('purchasing.requestApproval', { id: order.id }), this.send('purchasing.approve', { id: order.id, note: 'Client charges and stock, within budget' }, 600, 3600)) : stockLine;
    this.send('purchasing.submit', { id: po.id }, 60, 600);
    this.clock.nextWorkingDay();
    const lineFor = (chargeId: number | null) => po.lines.find((l) => l.chargeId === chargeId)!;
    const received = [
      { line: lineFor(wonLaptop.chargeId), product: wonLaptop.product, qty: lineFor(wonLaptop.chargeId).qtyOrdered },
      { line: lineFor(backOrdered), product: other, qty: 1 },
      { line: lineFor(null), product: docks, qty: lineFor(null).qtyOrdered },
    ].map((r) => ({ ...r, serials: r.product.serialized ? Array.from({ length: r.qty }, () => this.newSerial(r.product)) : undefined }));
    this.send('purchasing.receive', {
      lines: received.map((r) => ({ lineId: r.line.id, qty: r.qty, serials: r.serials, vendorInvoiceNumber: `${invoicePrefix[vendor]}${this.invoice}` })),
    });
    this.invoice++;
    // Only the stock line's units are free: the others were picked for their charges as they arrived.
    const stock = received.at(-1)!;
    this.model.add(stock.product.id, this.loc.main, stock.qty, stock.serials);
  }

  /**
   * Three quotes for a third client: an open one with a laptop reserved by serial and cables reserved by
   * quantity at the main warehouse, a lost one whose reservation went back to available, and a won one
   * whose sales order is half fulfilled. Returns the won order's laptop charge, still to buy.
   */
  private opportunities(): { chargeId: number; product: DemoProduct } {
    const companyId = this.clientIds.get(clients[2]!.name)!;
    const laptop = this.products.find((p) => p.category === 'Laptops' && p.stocked)!;
    const cable = this.products.find((p) => p.category === 'Cables' && p.stocked && !p.serialized)!;
    const reserve = (itemId: number, product: DemoProduct, qty: number) => {
      this.ensureAtMain(product, qty);
      const serials = product.serialized ? this.available(product, this.loc.main).slice(0, qty) : [];
      this.send('stock.reserve', product.serialized ? { quoteItemId: itemId, locationId: this.loc.main, serials } : { quoteItemId: itemId, locationId: this.loc.main, qty });
      this.model.remove(product.id, this.loc.main, qty, serials);
    };
    const open = this.send('sales.createOpportunity', { companyId, title: 'New accountant workstations', ownerUserId: this.technicianIds[0]!, note: 'Two more accountants start in February.' });
    const laptops = this.send('sales.addQuoteItem', { opportunityId: open.id, productId: laptop.id, quantity: 2 }).items[0]!;
    const cables = this.send('sales.addQuoteItem', { opportunityId: open.id, productId: cable.id, quantity: 4 }).items[1]!;
    reserve(laptops.id, laptop, 1);
    reserve(cables.id, cable, 4);
    const lost = this.send('sales.createOpportunity', { companyId, title: 'Meeting room screen' });
    const screen = this.send('sales.addQuoteItem', { opportunityId: lost.id, productId: cable.id, quantity: 2 }).items[0]!;
    this.ensureAtMain(cable, 1);
    this.send('stock.reserve', { quoteItemId: screen.id, locationId: this.loc.main, qty: 1 });
    this.send('sales.loseOpportunity', { id: lost.id, reason: 'The client postponed the project to next year' });

    // Won: a ticket with its two charges, the cables delivered, the laptop still to order.
    const won = this.send('sales.createOpportunity', { companyId, title: 'Front desk replacement', ownerUserId: this.technicianIds[0]! });
    const wonCables = this.send('sales.addQuoteItem', { opportunityId: won.id, productId: cable.id, quantity: 2 }).items[0]!;
    this.send('sales.addQuoteItem', { opportunityId: won.id, productId: laptop.id, quantity: 1 });
    reserve(wonCables.id, cable, 2);
    const order = this.send('sales.winOpportunity', { id: won.id, target: { kind: 'ticket', title: 'Front desk replacement', ownerUserId: this.technicianIds[0]! } });
    const items = this.send('sales.getSalesOrder', { id: order.id }).items;
    this.send('delivery.deliver', { method: 'deliver', lines: [{ chargeId: items[0]!.chargeId }], note: 'Handed to reception' });
    return { chargeId: items[1]!.chargeId, product: laptop };
  }

  /**
   * A client's contract and its office-refresh project at the year's end, with a charge in every state:
   * shipped with tracking and freight, licences delivered, laptops picked and ready, a firewall partly
   * picked, switches still to order, phones on hold, a UPS canceled.
   */
  private refreshProject(): void {
    const client = clients[1]!.name;
    const companyId = this.clientIds.get(client)!;
    const contract = this.send('sales.createContainer', { kind: 'contract', title: 'Managed services 2027', companyId });
    const project = this.send('sales.createContainer', { kind: 'project', title: 'Office refresh – 2nd floor', companyId, contractId: contract.id, ownerUserId: this.technicianIds[0]! });
    const of = (category: CategoryName) => this.products.find((p) => p.category === category && p.stocked)!;
    const fromMain = (product: DemoProduct, qty: number, pick = qty) => {
      this.ensureAtMain(product, pick);
      const serials = product.serialized ? this.available(product, this.loc.main).slice(0, pick) : [];
      const charge = this.send('sales.createCharge', { containerId: project.id, productId: product.id, quantity: qty });
      if (pick > 0) {
        this.send('stock.pick', product.serialized ? { chargeId: charge.id, locationId: this.loc.main, serials } : { chargeId: charge.id, locationId: this.loc.main, qty: pick });
        this.model.remove(product.id, this.loc.main, pick, serials);
      }
      return charge.id;
    };
    const monitors = fromMain(of('Monitors'), 2);
    const docks = fromMain(of('Docking stations'), 2);
    this.send('delivery.deliver', {
      method: 'ship',
      lines: [{ chargeId: monitors }, { chargeId: docks }],
      carrier: 'SEUR',
      trackingNumber: 'SE77310042ES',
      freightPrice: money(35),
      note: 'Deliver to reception, 2nd floor',
    });
    const licence = this.products.find((p) => p.category === 'Licences')!;
    const licences = this.send('sales.createCharge', { containerId: contract.id, productId: licence.id, quantity: 25 });
    this.send('delivery.deliver', { method: 'deliver', lines: [{ chargeId: licences.id }], note: 'Activated in the distributor portal' });
    fromMain(of('Laptops'), 2);
    fromMain(of('Firewalls'), 3, 1);
    fromMain(of('Switches'), 4, 0);
    this.send('sales.createCharge', { containerId: project.id, productId: of('Phones').id, quantity: 6, onHold: true, holdNote: 'Waiting for the client’s floor plan' });
    const ups = this.send('sales.createCharge', { containerId: project.id, productId: of('Power/UPS').id, quantity: 1 });
    this.send('sales.cancelCharge', { id: ups.id, reason: 'The client bought it themselves' });
  }

  // Stock helpers ----------------------------------------------------------------------------

  private product(sku: string): DemoProduct {
    const p = this.products.find((x) => x.sku === sku);
    if (!p) throw new Error(`demo: unknown SKU ${sku}`);
    return p;
  }

  private available(product: DemoProduct, locationId: number): string[] {
    return this.model.serials(product.id, locationId, this.protectedSerials);
  }

  private newSerial(product: DemoProduct): string {
    for (;;) {
      const serial = serialFor(product.serialStyle!, product.serialPrefix, this.rng.draw);
      if (!this.usedSerials.has(serial)) {
        this.usedSerials.add(serial);
        return serial;
      }
    }
  }

  private addStock(product: DemoProduct, locationId: number, qty: number, reason: string, costFactor: number): void {
    const serials = product.serialized ? Array.from({ length: qty }, () => this.newSerial(product)) : undefined;
    this.send('stock.add', { productId: product.id, locationId, qty, costMethod: 'manual', unitCost: money(product.costEur * costFactor), serials, reason });
    this.model.add(product.id, locationId, qty, serials);
  }

  private ensureAtMain(product: DemoProduct, qty: number): void {
    const have = product.serialized ? this.available(product, this.loc.main).length : this.model.qty(product.id, this.loc.main);
    if (have < qty) this.addStock(product, this.loc.main, qty - have, `Delivery from ${vendors[product.vendor].name}, invoice ${invoicePrefix[product.vendor]}${this.invoice++}`, 0.97);
  }

  private removeStock(product: DemoProduct, locationId: number, qty: number, serials: string[], destination: 'adjustment' | 'scrap', reason: string): void {
    this.send('stock.remove', product.serialized ? { productId: product.id, locationId, serials, destination, reason } : { productId: product.id, locationId, qty, destination, reason });
    this.model.remove(product.id, locationId, qty, serials);
  }

  /** Units sent back to the product's vendor from a location under the vendor's RMA number. */
  private vendorReturn(
    product: DemoProduct,
    from: number,
    units: { qty: number } | { serials: string[] },
    reason: 'deadOnArrival' | 'wrongItem',
    vendorRmaNumber: string,
    note: string,
    extra: { trackingNumber?: string; expectedBy?: string } = {},
  ) {
    const doc = this.send('vendorReturns.create', { vendorId: this.vendorIds.get(product.vendor)!, locationId: from, reason, vendorRmaNumber, note, ...extra, lines: [{ productId: product.id, ...units }] });
    const serials = 'serials' in units ? units.serials : undefined;
    this.model.remove(product.id, from, serials?.length ?? ('qty' in units ? units.qty : 0), serials);
    return doc;
  }

  private transfer(from: number, to: number, lines: { product: DemoProduct; qty?: number; serials?: string[] }[], note: string, mode: 'direct' | 'ship' = 'direct') {
    const doc = this.send('stock.transfer', {
      fromLocationId: from,
      toLocationId: to,
      mode,
      note,
      lines: lines.map((l) => (l.product.serialized ? { productId: l.product.id, serials: l.serials! } : { productId: l.product.id, qty: l.qty! })),
    });
    for (const l of lines) {
      const qty = l.serials?.length ?? l.qty!;
      this.model.remove(l.product.id, from, qty, l.serials);
      if (mode === 'direct') this.model.add(l.product.id, to, qty, l.serials);
    }
    return doc;
  }
}
