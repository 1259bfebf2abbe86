import type { labelsContract } from '@shared/contract/labels';
import { labelsDocument, renderLabels } from '../domain/labels/labels';
import { ioHandler } from './io';
import type { PartialHandlerTable } from './types';

export const labelHandlers: PartialHandlerTable<keyof typeof labelsContract> = {
  // A query: what to label is read without a transaction, the barcodes and the PDF drawn afterwards.
  'stock.labelsPdf': ioHandler({
    write: (input, { ctx }) => labelsDocument(ctx, input),
    after: (doc) => renderLabels(doc),
  }),
};
