import { z } from 'zod';
import { channel, empty } from './define';

export const settingsSchema = z.object({
  companyName: z.string().trim().max(200),
  currency: z.string().regex(/^[A-Z]{3}$/),
  requireAdjustmentReason: z.boolean(),
  defaultCostMethod: z.enum(['average', 'last', 'catalogue', 'manual']),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsContract = {
  'settings.get': channel({
    summary: 'Reads the office settings (currency, whether a reason is required for manual stock changes, …).',
    permission: 'signedIn',
    input: empty,
    output: settingsSchema,
  }),
  'settings.update': channel({
    summary: 'Changes the office settings (admin only).',
    permission: 'admin',
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
  }),
};
