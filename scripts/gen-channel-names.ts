// `npm run contract:names`: rewrites the lists generated from the contract (scripts/channel-names.ts).
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { channelAreasFile, channelNamesFile, renderChannelAreas, renderChannelNames } from './channel-names';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
for (const [file, render] of [
  [channelNamesFile, renderChannelNames],
  [channelAreasFile, renderChannelAreas],
] as const) {
  writeFileSync(join(root, file), render());
  console.log(`Wrote ${join(root, file)}`);
}
