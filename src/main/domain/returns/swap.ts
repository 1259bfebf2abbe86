// The device swap: a client's device replaced in one transaction. The replacement (optional) is an available
// stocked unit — free, at a location that offers its units and where the user may work — delivered as a new
// device with its own warranty, taking the old one's contract link (a ticket stays with the old one); with a
// charge, it is picked and delivered for that charge, otherwise it leaves on a delivery naming the swap. The
// old one comes back on a client return (to stock, the returns shelf, an RMA, or Scrap through a removal),
// and both devices' histories name the other.
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { DomainError } from '@shared/errors';
import { can, prepared, type Actor, type Ctx } from '../context';
import { requireOfferingLocation } from '../locations/locations';
import { isActive } from '../settings/activations';
import { removeStock } from '../stock/adjustments';
import { heldUnitsError } from '../stock/ledger';
import { findSerialUnitAnyProduct } from '../stock/serials';
import { createCharge } from '../sales/charges';
import { deliver, sendToClient } from '../sales/deliveries';
import { pick } from '../sales/picks';
import { openRma } from '../rma/rmas';
import { createClientReturn, defaultReturnsLocation } from './clientReturns';

interface OldDevice {
  id: number;
  serial: string;
  status: string;
  companyId: number;
  productId: number;
  containerId: number | null;
  contractId: number | null;
}

export function swapDevice(ctx: Ctx, actor: Actor, input: ParsedInput<'devices.swap'>): ChannelOutput<'devices.swap'> {
  const old = prepared<[number], OldDevice>(
    ctx,
    `SELECT id, serial_number AS serial, status, company_id AS companyId, product_id AS productId, container_id AS containerId, contract_id AS contractId FROM devices WHERE id = ?`,
  ).get(input.deviceId);
  if (!old) throw new DomainError('NOT_FOUND', { entity: 'device', id: input.deviceId });
  if (old.status !== 'installed') throw new DomainError('NOT_RETURNABLE', { serial: old.serial, status: old.status });
  if (input.rma && !isActive(ctx, 'rma')) throw new DomainError('MODULE_DISABLED', { module: 'rma' });
  // Retiring the unit writes it off: adjusting stock, as a removal to Scrap is.
  if (input.fate === 'scrap' && !can(actor, 'stock.adjust')) throw new DomainError('FORBIDDEN', { permission: 'stock.adjust', field: 'fate' });

  // The replacement first: it must be free to take, before anything moves.
  let replacement: { lotId: number; productId: number; serial: string; locationId: number } | null = null;
  if (input.replacementSerial !== undefined) {
    const unit = findSerialUnitAnyProduct(ctx, input.replacementSerial);
    if (!unit) throw new DomainError('SERIAL_NOT_FOUND', { serials: [input.replacementSerial] });
    const at = prepared<[number], { locationId: number; held: number }>(
      ctx,
      `SELECT b.location_id AS locationId, coalesce((SELECT sum(a.qty) FROM allocations a WHERE a.lot_id = b.lot_id AND a.location_id = b.location_id), 0) AS held
       FROM balances b JOIN locations l ON l.id = b.location_id WHERE b.lot_id = ? AND b.qty > 0 AND l.usage = 'internal'`,
    ).get(unit.id);
    if (!at) throw new DomainError('SERIAL_NOT_FOUND', { serials: [input.replacementSerial] });
    // Reserved for a quote or picked for a charge: someone else's.
    if (at.held > 0) throw heldUnitsError(ctx.sqlite, unit.id, at.locationId);
    requireOfferingLocation(ctx, at.locationId);
    replacement = { lotId: unit.id, productId: unit.productId, serial: unit.serialNumber, locationId: at.locationId };
  }

  // The old one comes back.
  const locationId = input.fate === 'stock' ? input.locationId! : (input.locationId ?? defaultReturnsLocation(ctx));
  const ret = createClientReturn(ctx, actor, { companyId: old.companyId, locationId, condition: input.condition, reason: input.reason, note: null, lines: [{ deviceId: old.id }] });
  let rma: { id: number; number: string } | null = null;
  if (input.fate === 'rma') {
    rma = openRma(ctx, actor, { deviceId: old.id, type: input.rma!.type, fault: input.rma!.fault, vendorId: input.rma!.vendorId, expectedFromClient: null, note: null }, { returnId: ret.id, locationId });
  }
  if (input.fate === 'scrap') removeStock(ctx, actor, { productId: old.productId, locationId, serials: [old.serial], destination: 'scrap', reason: input.reason });

  // The replacement goes out: for a charge (picked and delivered for it), else on a delivery naming the swap.
  let delivery: { id: number; number: string } | null = null;
  let chargeId: number | null = null;
  if (replacement) {
    if (input.charge) {
      const containerId = input.charge.containerId ?? old.containerId;
      if (containerId === null) throw new DomainError('VALIDATION', { fields: [{ path: 'charge.containerId', code: 'required' }] });
      const charge = createCharge(ctx, actor, { containerId, productId: replacement.productId, quantity: 1, unitPrice: input.charge.unitPrice, description: null, billable: true, onHold: false, holdNote: null });
      if (charge.companyId !== old.companyId) throw new DomainError('COMPANY_MISMATCH', { number: charge.containerNumber });
      chargeId = charge.id;
      pick(ctx, actor, { chargeId: charge.id, locationId: replacement.locationId, serials: [replacement.serial] });
      delivery = deliver(ctx, actor, { method: 'deliver', lines: [{ chargeId: charge.id }], note: input.reason, carrier: null, trackingNumber: null, shipDate: null, shipToName: null, shipToAddress: null });
    } else {
      delivery = sendToClient(ctx, actor, {
        companyId: old.companyId,
        fromLocationId: replacement.locationId,
        reason: `Swap for ${old.serial}: ${input.reason}`.slice(0, 500),
        lines: [{ productId: replacement.productId, serials: [replacement.serial] }],
        method: 'deliver',
        carrier: null,
        trackingNumber: null,
        shipDate: null,
        shipToName: null,
        shipToAddress: null,
        note: null,
      });
    }
  }
  const newDevice = delivery ? prepared<[number], { id: number }>(ctx, `SELECT id FROM devices WHERE delivery_id = ? LIMIT 1`).get(delivery.id)! : null;
  const event = prepared(ctx, `INSERT INTO device_events (device_id, occurred_at, user_id, type, from_state, to_state, details) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const now = ctx.now();
  if (newDevice) {
    // The contract follows the unit at work; a ticket stays with the device it was about.
    ctx.sqlite.prepare(`UPDATE devices SET contract_id = ? WHERE id = ?`).run(old.contractId, newDevice.id);
    ctx.sqlite.prepare(`UPDATE devices SET contract_id = NULL WHERE id = ?`).run(old.id);
    event.run(newDevice.id, now, actor.userId, 'swappedIn', 'installed', 'installed', JSON.stringify({ oldDeviceId: old.id, oldSerial: old.serial, reason: input.reason }));
  }
  event.run(
    old.id,
    now,
    actor.userId,
    'swappedOut',
    'returned',
    'returned',
    JSON.stringify({ newDeviceId: newDevice?.id ?? null, newSerial: replacement?.serial ?? null, fate: input.fate, returnNumber: ret.number, rmaNumber: rma?.number ?? null, reason: input.reason }),
  );
  return {
    returnId: ret.id,
    returnNumber: ret.number,
    newDeviceId: newDevice?.id ?? null,
    deliveryId: delivery?.id ?? null,
    deliveryNumber: delivery?.number ?? null,
    rmaId: rma?.id ?? null,
    rmaNumber: rma?.number ?? null,
    chargeId,
  };
}
