// `npm run contract:names`: rewrites src/shared/contract/channelNames.ts from the contract.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { channelNamesFile, renderChannelNames } from './channel-names';

const target = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), channelNamesFile);
writeFileSync(target, renderChannelNames());
console.log(`Wrote ${target}`);
