import type { returnsContract } from '@shared/contract/returns';
import { createClientReturn, getClientReturn, listClientReturns } from '../domain/returns/clientReturns';
import { swapDevice } from '../domain/returns/swap';
import type { PartialHandlerTable } from './types';

export const returnHandlers: PartialHandlerTable<keyof typeof returnsContract> = {
  'returns.create': (input, { ctx, actor }) => createClientReturn(ctx, actor, input),
  'returns.list': (input, { ctx }) => listClientReturns(ctx, input),
  'returns.get': (input, { ctx }) => getClientReturn(ctx, input.id),
  'devices.swap': (input, { ctx, actor }) => swapDevice(ctx, actor, input),
};
