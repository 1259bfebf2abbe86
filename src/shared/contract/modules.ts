// Module activations (Admin › Activations): which channels belong to a module an administrator can switch
// off. The door answers MODULE_DISABLED for every channel of a module that is off, before anything else
// runs; its data stays and comes back when it is switched on. Channels not listed belong to no module
// (sign-in, users, settings, the catalogue, contracts/projects/tickets and their charges, quotes): they
// are always on. The renderer reads the same table to hide screens and navigation entries.
import type { ChannelName } from './index';

export const modules = ['inventory', 'procurement', 'rma'] as const;
export type Module = (typeof modules)[number];
export type Activations = Record<Module, boolean>;

/** Every module on: a new database, and a database from before activations existed. */
export const allActive: Activations = { inventory: true, procurement: true, rma: true };

/** Procurement needs Inventory: it buys and reserves stock; so does RMA, which moves units to and from vendors. */
export const moduleNeeds: Partial<Record<Module, Module>> = { procurement: 'inventory', rma: 'inventory' };

/**
 * Procurement: approval of charges and purchase orders (and its tiers), Purchasing & Fulfillment, reservations
 * on quotes, and sales orders. Everything else of stock, locations, purchase orders, receiving, delivery and
 * devices is Inventory. RMA: every channel of RMAs.
 */
const procurement = [
  'purchasing.requestApproval',
  'purchasing.approve',
  'purchasing.reject',
  'purchasing.listApprovals',
  'purchasing.listFulfillment',
  'purchasing.orderForCharges',
  'purchasing.listApprovalLimits',
  'purchasing.saveApprovalLimit',
  'purchasing.deleteApprovalLimit',
  'sales.approveCharge',
  'sales.rejectCharge',
  'sales.listChargeApprovals',
  'stock.reserve',
  'stock.release',
  'sales.listSalesOrders',
  'sales.getSalesOrder',
  'sales.cancelSalesOrder',
] as const satisfies readonly ChannelName[];

/** Whole prefixes of Inventory: every channel of stock, locations, purchasing, delivery, devices, client and vendor returns not listed above. */
const inventoryPrefixes = ['stock.', 'locations.', 'purchasing.', 'delivery.', 'devices.', 'returns.', 'vendorReturns.'];

const procurementSet = new Set<string>(procurement);

/** The module a channel belongs to, or null when it is always on. */
export function moduleOf(channel: ChannelName): Module | null {
  if (procurementSet.has(channel)) return 'procurement';
  if (channel.startsWith('rma.')) return 'rma';
  return inventoryPrefixes.some((p) => channel.startsWith(p)) ? 'inventory' : null;
}
