// Office settings, stored as one JSON value per key; unknown keys are ignored, missing ones take defaults.
import type { Settings } from '../../../shared/contract/settings';
import { settings } from '../../db/schema';
import type { Ctx } from '../context';

export const defaultSettings: Settings = {
  companyName: '',
  currency: 'EUR',
  requireAdjustmentReason: false,
  defaultCostMethod: 'average',
};

export function getSettings(ctx: Ctx): Settings {
  const rows = ctx.db.select().from(settings).all();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const result: Record<string, unknown> = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings)) if (key in stored) result[key] = stored[key];
  return result as Settings;
}

export function updateSettings(ctx: Ctx, patch: Partial<Settings>): Settings {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    ctx.db
      .insert(settings)
      .values({ key, value: JSON.stringify(value) })
      .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value) } })
      .run();
  }
  return getSettings(ctx);
}
