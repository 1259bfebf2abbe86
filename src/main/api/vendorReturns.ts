import type { vendorReturnsContract } from '@shared/contract/vendorReturns';
import { createVendorReturn, getVendorReturn, listVendorReturns, resolveVendorReturn, updateVendorReturn } from '../domain/returns/vendorReturns';
import type { PartialHandlerTable } from './types';

export const vendorReturnHandlers: PartialHandlerTable<keyof typeof vendorReturnsContract> = {
  'vendorReturns.list': (input, { ctx }) => listVendorReturns(ctx, input),
  'vendorReturns.get': (input, { ctx }) => getVendorReturn(ctx, input.id),
  'vendorReturns.create': (input, { ctx, actor }) => createVendorReturn(ctx, actor, input),
  'vendorReturns.update': (input, { ctx, actor }) => updateVendorReturn(ctx, actor, input),
  'vendorReturns.resolve': (input, { ctx, actor }) => resolveVendorReturn(ctx, actor, input),
};
