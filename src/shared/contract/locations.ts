import { z } from 'zod';
import { channel, id, optionalText, requiredText } from './define';

export const locationKinds = ['warehouse', 'shelf', 'van', 'returns', 'vendor', 'customer', 'adjustment', 'scrap', 'transit'] as const;
export const internalLocationKinds = ['warehouse', 'shelf', 'van', 'returns'] as const;

export const locationSchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(locationKinds),
  usage: z.enum(['internal', 'virtual']),
  ownerUserId: id.nullable(),
  ownerName: z.string().nullable(),
  isDefault: z.boolean(),
  active: z.boolean(),
  /** Whether its units can be reserved and picked (a returns shelf or a quarantine holds without offering). */
  offersStock: z.boolean(),
  /** The location that refills this one (reorder suggestions transfer from there before buying). */
  refillFromId: id.nullable(),
  refillFromName: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  unitsOnHand: z.number().int(),
});
export type Location = z.infer<typeof locationSchema>;

const locationFields = {
  name: requiredText(100),
  kind: z.enum(internalLocationKinds),
  ownerUserId: id.nullish().transform((v) => v ?? null),
  /** Left out: a new returns shelf offers nothing, any other location offers its units; an edit keeps what it was. */
  offersStock: z.boolean().optional(),
  /**
   * An active internal location that offers its stock, not this one nor one it refills in turn; null for
   * none. Left out: none for a new location, unchanged on an edit.
   */
  refillFromId: id.nullable().optional(),
  address: optionalText(500),
  notes: optionalText(1000),
};

export const locationInput = z.object(locationFields).strict();

export const locationsContract = {
  'locations.list': channel({
    kind: 'query',
    reads: ['locations'],
    summary: 'Lists inventory locations; virtual ones (Vendor, Customer, Adjustment, Scrap, In-transit) only when asked.',
    permission: 'inventory.view',
    input: z.object({ includeVirtual: z.boolean().default(false), includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(locationSchema),
  }),
  'locations.create': channel({
    kind: 'mutation',
    changes: ['locations'],
    summary: 'Creates an internal location (warehouse, shelf, van owned by a user, returns shelf); the first one becomes the default.',
    permission: 'locations.manage',
    input: locationInput.extend({ isDefault: z.boolean().default(false) }).strict(),
    output: locationSchema,
  }),
  'locations.update': channel({
    kind: 'mutation',
    changes: ['locations'],
    summary: 'Renames or edits an internal location; virtual locations cannot be edited.',
    permission: 'locations.manage',
    input: locationInput.extend({ id }).strict(),
    output: locationSchema,
  }),
  'locations.setDefault': channel({
    kind: 'mutation',
    changes: ['locations'],
    summary: 'Makes an active, unowned internal location the default one.',
    permission: 'locations.manage',
    input: z.object({ id }).strict(),
    output: locationSchema,
  }),
  'locations.setActive': channel({
    kind: 'mutation',
    changes: ['locations'],
    summary: 'Deactivates (refused for the default, or while stock or allocations remain) or reactivates a location.',
    permission: 'locations.manage',
    input: z.object({ id, active: z.boolean() }).strict(),
    output: locationSchema,
  }),
};
