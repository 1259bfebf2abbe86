import type { rmaContract } from '@shared/contract/rma';
import {
  authorizeRma,
  cancelRma,
  closeRma,
  createRma,
  deliverRma,
  getRma,
  listRmas,
  receiveRma,
  receiveRmaReplacement,
  rejectRma,
  rmaBackFromVendor,
  sendRmaToVendor,
  updateRma,
} from '../domain/rma/rmas';
import { prepareRmaEmail, recordRmaEmail, renderRma, rmaDocument, sendRmaEmail } from '../domain/rma/rmaDocument';
import { ioHandler } from './io';
import type { PartialHandlerTable } from './types';

export const rmaHandlers: PartialHandlerTable<keyof typeof rmaContract> = {
  'rma.list': (input, { ctx }) => listRmas(ctx, input),
  'rma.get': (input, { ctx }) => getRma(ctx, input.id),
  'rma.create': (input, { ctx, actor }) => createRma(ctx, actor, input),
  'rma.update': (input, { ctx, actor }) => updateRma(ctx, actor, input),
  'rma.authorize': (input, { ctx, actor }) => authorizeRma(ctx, actor, input),
  'rma.reject': (input, { ctx, actor }) => rejectRma(ctx, actor, input),
  'rma.receive': (input, { ctx, actor }) => receiveRma(ctx, actor, input),
  'rma.sendToVendor': (input, { ctx, actor }) => sendRmaToVendor(ctx, actor, input),
  'rma.backFromVendor': (input, { ctx, actor }) => rmaBackFromVendor(ctx, actor, input),
  'rma.receiveReplacement': (input, { ctx, actor }) => receiveRmaReplacement(ctx, actor, input),
  'rma.deliver': (input, { ctx, actor }) => deliverRma(ctx, actor, input),
  'rma.close': (input, { ctx, actor }) => closeRma(ctx, actor, input),
  'rma.cancel': (input, { ctx, actor }) => cancelRma(ctx, actor, input),
  'rma.pdf': ioHandler({
    write: (input, { ctx }) => rmaDocument(ctx, input),
    after: (doc) => renderRma(doc),
  }),
  'rma.email': ioHandler({
    write: (input, { ctx }) => prepareRmaEmail(ctx, input),
    after: async (ready, { input, call, write }) => {
      const outcome = await sendRmaEmail(ready, input);
      write(() => recordRmaEmail(call.ctx, call.actor, ready, input, outcome));
      if ('failed' in outcome) throw outcome.error;
      return outcome.sent;
    },
  }),
};
