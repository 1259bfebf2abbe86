import type { salesContract } from '@shared/contract/sales';
import { createContainer, getContainer, listContainers, setContainerStatus, updateContainer } from '../domain/sales/containers';
import { approveCharge, createCharge, getChargeDetail, holdCharge, listChargeApprovals, listCharges, rejectCharge, releaseCharge, updateCharge } from '../domain/sales/charges';
import { deliver, getDelivery, listDeliveries, listOpenDeliveries, reverseDelivery, sendToClient } from '../domain/sales/deliveries';
import { packingListDocument, pickListDocument, renderPackingList, renderPickList } from '../domain/sales/deliveryDocuments';
import { getDevice, listDevices } from '../domain/sales/devices';
import { addQuoteItem, createOpportunity, getOpportunity, listOpportunities, loseOpportunity, release, removeQuoteItem, reserve, updateOpportunity, updateQuoteItem } from '../domain/sales/opportunities';
import { cancelSalesOrder, winOpportunity } from '../domain/sales/orderActions';
import { cancelCharge, pick, transferPicked, unpick } from '../domain/sales/picks';
import { quoteDocument, renderQuote } from '../domain/sales/quoteDocument';
import { getSalesOrder, listSalesOrders } from '../domain/sales/salesOrders';
import { ioHandler } from './io';
import type { PartialHandlerTable } from './types';

export const salesHandlers: PartialHandlerTable<keyof typeof salesContract> = {
  'sales.listContainers': (input, { ctx }) => listContainers(ctx, input),
  'sales.getContainer': (input, { ctx }) => getContainer(ctx, input.id),
  'sales.createContainer': (input, { ctx, actor }) => createContainer(ctx, actor, input),
  'sales.updateContainer': (input, { ctx, actor }) => updateContainer(ctx, actor, input),
  'sales.setContainerStatus': (input, { ctx, actor }) => setContainerStatus(ctx, actor, input),
  'sales.listCharges': (input, { ctx }) => listCharges(ctx, input),
  'sales.getCharge': (input, { ctx }) => getChargeDetail(ctx, input.id),
  'sales.createCharge': (input, { ctx, actor }) => createCharge(ctx, actor, input),
  'sales.updateCharge': (input, { ctx, actor }) => updateCharge(ctx, actor, input),
  'sales.holdCharge': (input, { ctx, actor }) => holdCharge(ctx, actor, input),
  'sales.releaseCharge': (input, { ctx, actor }) => releaseCharge(ctx, actor, input.id),
  'sales.approveCharge': (input, { ctx, actor }) => approveCharge(ctx, actor, input),
  'sales.listChargeApprovals': (input, { ctx, actor }) => listChargeApprovals(ctx, actor, input),
  'sales.rejectCharge': (input, { ctx, actor }) => rejectCharge(ctx, actor, input),
  'sales.cancelCharge': (input, { ctx, actor }) => cancelCharge(ctx, actor, input),
  'stock.pick': (input, { ctx, actor }) => pick(ctx, actor, input),
  'stock.unpick': (input, { ctx, actor }) => unpick(ctx, actor, input),
  'stock.transferPicked': (input, { ctx, actor }) => transferPicked(ctx, actor, input),
  'sales.listOpportunities': (input, { ctx }) => listOpportunities(ctx, input),
  'sales.getOpportunity': (input, { ctx }) => getOpportunity(ctx, input.id),
  'sales.createOpportunity': (input, { ctx, actor }) => createOpportunity(ctx, actor, input),
  'sales.updateOpportunity': (input, { ctx, actor }) => updateOpportunity(ctx, actor, input),
  'sales.addQuoteItem': (input, { ctx, actor }) => addQuoteItem(ctx, actor, input),
  'sales.updateQuoteItem': (input, { ctx, actor }) => updateQuoteItem(ctx, actor, input),
  'sales.removeQuoteItem': (input, { ctx, actor }) => removeQuoteItem(ctx, actor, input),
  'stock.reserve': (input, { ctx, actor }) => reserve(ctx, actor, input),
  'stock.release': (input, { ctx, actor }) => release(ctx, actor, input),
  'sales.loseOpportunity': (input, { ctx, actor }) => loseOpportunity(ctx, actor, input),
  'sales.quotePdf': ioHandler({
    write: (input, { ctx }) => quoteDocument(ctx, input),
    after: (doc) => renderQuote(doc),
  }),
  'sales.winOpportunity': (input, { ctx, actor }) => winOpportunity(ctx, actor, input),
  'sales.listSalesOrders': (input, { ctx }) => listSalesOrders(ctx, input),
  'sales.getSalesOrder': (input, { ctx }) => getSalesOrder(ctx, input.id),
  'sales.cancelSalesOrder': (input, { ctx, actor }) => cancelSalesOrder(ctx, actor, input),
  'delivery.listOpen': (input, { ctx }) => listOpenDeliveries(ctx, input),
  'delivery.deliver': (input, { ctx, actor }) => deliver(ctx, actor, input),
  'delivery.sendToClient': (input, { ctx, actor }) => sendToClient(ctx, actor, input),
  'delivery.list': (input, { ctx }) => listDeliveries(ctx, input),
  'delivery.get': (input, { ctx }) => getDelivery(ctx, input.id),
  'delivery.reverse': (input, { ctx, actor }) => reverseDelivery(ctx, actor, input),
  // Queries: the document is read without a transaction, rendered afterwards.
  'delivery.pickListPdf': ioHandler({
    write: (input, { ctx }) => pickListDocument(ctx, input),
    after: (doc) => renderPickList(doc),
  }),
  'delivery.packingListPdf': ioHandler({
    write: (input, { ctx }) => packingListDocument(ctx, input),
    after: (doc) => renderPackingList(doc),
  }),
  'devices.list': (input, { ctx }) => listDevices(ctx, input),
  'devices.get': (input, { ctx }) => getDevice(ctx, input.id),
};
