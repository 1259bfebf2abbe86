// The renderer refetches by the areas of src/shared/contract/channelAreas.ts, a table generated from the
// contract so the first screen need not load every schema: it must say what the contract says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './aliases';
import { channelAreasFile, renderChannelAreas } from './channel-names';
import { contract, type ChannelName } from '../src/shared/contract';
import { channelAreas } from '../src/shared/contract/channelAreas';

describe('the channel-areas table', () => {
  it('gives every channel of the contract the areas it reads or changes', () => {
    expect(Object.keys(channelAreas).sort()).toEqual(Object.keys(contract).sort());
    for (const name of Object.keys(contract) as ChannelName[]) {
      const def = contract[name];
      expect(channelAreas[name], name).toEqual(def.kind === 'query' ? { reads: def.reads, changes: [] } : { reads: [], changes: def.changes });
    }
  });

  it('is the generated file', () => {
    const committed = readFileSync(join(repoRoot, channelAreasFile), 'utf8');
    expect(committed === renderChannelAreas(), `${channelAreasFile} is stale: run \`npm run contract:names\` and commit the result`).toBe(true);
  });
});
