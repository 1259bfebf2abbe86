import type { purchasingContract } from '@shared/contract/purchasing';
import { deleteApprovalLimit, listApprovalLimits, saveApprovalLimit } from '../domain/purchasing/approvalLimits';
import { approveOrder, listApprovals, rejectOrder, requestApproval } from '../domain/purchasing/approval';
import { prepareOrderEmail, purchaseOrderDocument, recordOrderEmail, renderOrderPdf, sendOrderEmail } from '../domain/purchasing/documents';
import { orderHistory } from '../domain/purchasing/orderHistory';
import { addLine, reduceLine, removeLine, updateLine } from '../domain/purchasing/orderLines';
import { getOrder, listOrders } from '../domain/purchasing/orderReads';
import { createOrder, updateOrder } from '../domain/purchasing/orders';
import { cancelOrder, submitOrder } from '../domain/purchasing/orderStatus';
import { cancelReceipt, listOpenLines, listReceipts, receive } from '../domain/purchasing/receiving';
import { createFromSuggestions, reorderSuggestions } from '../domain/purchasing/reorder';
import { listFulfillment, orderForCharges, queueCounts } from '../domain/purchasing/forCharges';
import { ioHandler } from './io';
import type { PartialHandlerTable } from './types';

export const purchasingHandlers: PartialHandlerTable<keyof typeof purchasingContract> = {
  'purchasing.listOrders': (input, { ctx }) => listOrders(ctx, input),
  'purchasing.getOrder': (input, { ctx, actor }) => getOrder(ctx, actor, input.id),
  'purchasing.createOrder': (input, { ctx, actor }) => createOrder(ctx, actor, input),
  'purchasing.updateOrder': (input, { ctx, actor }) => updateOrder(ctx, actor, input),
  'purchasing.addLine': (input, { ctx, actor }) => addLine(ctx, actor, input),
  'purchasing.updateLine': (input, { ctx, actor }) => updateLine(ctx, actor, input),
  'purchasing.removeLine': (input, { ctx, actor }) => removeLine(ctx, actor, input.id),
  'purchasing.requestApproval': (input, { ctx, actor }) => requestApproval(ctx, actor, input.id),
  'purchasing.approve': (input, { ctx, actor }) => approveOrder(ctx, actor, input),
  'purchasing.reject': (input, { ctx, actor }) => rejectOrder(ctx, actor, input),
  'purchasing.listApprovals': (input, { ctx, actor }) => listApprovals(ctx, actor, input),
  'purchasing.submit': (input, { ctx, actor }) => submitOrder(ctx, actor, input.id),
  'purchasing.cancelOrder': (input, { ctx, actor }) => cancelOrder(ctx, actor, input),
  'purchasing.reduceLine': (input, { ctx, actor }) => reduceLine(ctx, actor, input),
  // A query: the document is read without a transaction, rendered afterwards.
  'purchasing.renderPdf': ioHandler({
    write: (input, { ctx }) => purchaseOrderDocument(ctx, input.id, input.locale),
    after: (doc) => renderOrderPdf(doc),
  }),
  // Checked and read in one short transaction; rendered and sent after it committed; the outcome (sent or
  // failed) recorded in a second one. A failed attempt answers its error once recorded.
  'purchasing.emailOrder': ioHandler({
    write: (input, { ctx }) => prepareOrderEmail(ctx, input),
    after: async (prepared, { input, call, write }) => {
      const outcome = await sendOrderEmail(prepared, input);
      write(() => recordOrderEmail(call.ctx, call.actor, prepared, input, outcome));
      if ('failed' in outcome) throw outcome.error;
      return outcome.sent;
    },
  }),
  'purchasing.history': (input, { ctx }) => orderHistory(ctx, input.id),
  'purchasing.reorderSuggestions': (input, { ctx }) => reorderSuggestions(ctx, input),
  'purchasing.createFromSuggestions': (input, { ctx, actor }) => createFromSuggestions(ctx, actor, input),
  'purchasing.listFulfillment': (input, { ctx }) => listFulfillment(ctx, input),
  'purchasing.queueCounts': (_input, { ctx }) => queueCounts(ctx),
  'purchasing.listApprovalLimits': (_input, { ctx }) => listApprovalLimits(ctx),
  'purchasing.saveApprovalLimit': (input, { ctx }) => saveApprovalLimit(ctx, input),
  'purchasing.deleteApprovalLimit': (input, { ctx }) => deleteApprovalLimit(ctx, input.id),
  'purchasing.orderForCharges': (input, { ctx, actor }) => orderForCharges(ctx, actor, input),
  'purchasing.listOpenLines': (input, { ctx }) => listOpenLines(ctx, input),
  'purchasing.receive': (input, { ctx, actor }) => receive(ctx, actor, input),
  'purchasing.listReceipts': (input, { ctx }) => listReceipts(ctx, input),
  'purchasing.cancelReceipt': (input, { ctx, actor }) => cancelReceipt(ctx, actor, input),
};
