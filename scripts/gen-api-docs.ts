// `npm run docs:api`: rewrites docs/API.md from the contract.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderApiDocs } from './api-docs';

const target = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'docs/API.md');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderApiDocs());
console.log(`Wrote ${target}`);
