// The import boundaries of eslint.config.mjs refuse what ARCHITECTURE.md forbids and nothing else: each
// snippet is linted with the real config as if it were the file named.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './aliases';

let eslint: ESLint;
let aliasesEnforced: ESLint;

beforeAll(async () => {
  const config = (await import(pathToFileURL(join(repoRoot, 'eslint.config.mjs')).href)) as { noDeepRelativeImports: Linter.Config };
  eslint = new ESLint({ cwd: repoRoot });
  aliasesEnforced = new ESLint({ cwd: repoRoot, overrideConfig: config.noDeepRelativeImports });
});

/** The messages of one rule (the boundaries unless told) for `code` as the file named. */
async function refusals(linter: ESLint, file: string, code: string, rule = 'boundaries/imports'): Promise<string[]> {
  const [result] = await linter.lintText(`${code}\n`, { filePath: join(repoRoot, file) });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, `${file} did not parse`).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

type Case = [file: string, code: string];

const refused: Case[] = [
  // The renderer imports nothing from the main process or the preload, however it is spelled.
  ['src/renderer/src/features/stock/items/ItemsPage.tsx', "import { createApp } from '../../../../../main/app';"],
  ['src/renderer/src/features/stock/items/ItemsPage.tsx', "import { createApp } from '@main/app';"],
  ['src/renderer/src/lib/api.ts', "import type { App } from '../../../main/app';"],
  ['src/renderer/src/lib/api.ts', "export { handlers } from '../../../main/api';"],
  ['src/renderer/src/lib/api.ts', "export * from '@main/domain/stock/ledger';"],
  ['src/renderer/src/lib/api.ts', "const m = import('../../../main/db/open'); void m;"],
  ['src/renderer/src/lib/api.ts', "type T = typeof import('@main/app'); export type { T };"],
  ['src/renderer/src/app/App.tsx', "import '../../../preload/index';"],
  ['src/renderer/src/app/App.tsx', "import { ipcRenderer } from 'electron';"],
  ['src/renderer/src/app/locales/errors.test.ts', "import { handlers } from '../../../../main/api';"],
  // The domain imports no Electron, transport, handlers or composition root.
  ['src/main/domain/stock/ledger.ts', "import { createHttpServer } from '../../transport/http';"],
  ['src/main/domain/stock/ledger.ts', "import { createHttpServer } from '@main/transport/http';"],
  ['src/main/domain/stock/ledger.ts', "import { handlers } from '../../api';"],
  ['src/main/domain/stock/ledger.ts', "import { handlers } from '../../api/index';"],
  ['src/main/domain/stock/ledger.ts', "import type { HandlerTable } from '../../api/types';"],
  ['src/main/domain/stock/ledger.ts', "import { createApp } from '../../app';"],
  ['src/main/domain/stock/ledger.ts', "import { createApp } from '@main/app.ts';"],
  ['src/main/domain/auth/users.ts', "import { safeStorage } from 'electron';"],
  ['src/main/domain/auth/users.ts', "import type { WebContents } from 'electron';"],
  // Shared code imports zod and its own files only.
  ['src/shared/money.ts', "import { readFileSync } from 'node:fs';"],
  ['src/shared/money.ts', "import { readFileSync } from 'fs';"],
  ['src/shared/money.ts', "import { useState } from 'react';"],
  ['src/shared/contract/stock.ts', "import { sql } from 'drizzle-orm';"],
  ['src/shared/contract/stock.ts', "import type { Ctx } from '../../main/domain/context';"],
  ['src/shared/contract/stock.ts', "import { call } from '@renderer/lib/api';"],
  ['src/shared/serials.test.ts', "import { tmpdir } from 'node:os';"],
  // The main process never imports the renderer or the preload.
  ['src/main/transport/http.ts', "import { App } from '../../renderer/src/app/App';"],
  ['src/main/window.ts', "import '@renderer/main';"],
  // Only the Electron entry, the IPC transport and the preload load electron.
  ['src/main/app.ts', "import { app } from 'electron';"],
  ['src/main/transport/http.ts', "import { ipcMain } from 'electron';"],
  ['src/main/transport/readPool.ts', "const electron = await import('electron'); void electron;"],
  ['src/main/server.ts', "import electron = require('electron'); void electron;"],
  ['bench/run.ts', "import { app } from 'electron';"],
  ['scripts/gen-api-docs.ts', "import 'electron';"],
];

const allowed: Case[] = [
  ['src/renderer/src/features/stock/items/ItemsPage.tsx', "import type { ChannelName } from '../../../../../shared/contract';"],
  ['src/renderer/src/features/stock/items/ItemsPage.tsx', "import { errorCodes } from '@shared/errors';"],
  ['src/renderer/src/features/stock/items/ItemsPage.tsx', "import { call } from '@renderer/lib/api';"],
  // The renderer's own entry is called main.tsx: it is not the main process.
  ['src/renderer/src/app/App.tsx', "import { something } from '../main';"],
  ['src/renderer/src/app/App.tsx', "import { MantineProvider } from '@mantine/core';"],
  ['src/main/domain/stock/ledger.ts', "import { stockMoves } from '../../db/schema';"],
  ['src/main/domain/stock/ledger.ts', "import { stockMoves } from '@main/db/schema';"],
  ['src/main/domain/stock/ledger.ts', "import { DomainError } from '../../../shared/errors';"],
  ['src/main/domain/stock/ledger.ts', "import { randomBytes } from 'node:crypto';"],
  ['src/main/domain/stock/stock.test.ts', "import { createTestApp } from '../../testing/harness';"],
  ['src/main/domain/auth/passwordCost.test.ts', "import { createApp } from '../../app';"],
  ['src/shared/contract/stock.ts', "import { z } from 'zod';"],
  ['src/shared/contract/stock.ts', "import { money } from './define';"],
  ['src/shared/contract/stock.ts', "import { MAX_QTY } from '../money';"],
  ['src/shared/contract/stock.ts', "import { serialKey } from '@shared/serials';"],
  ['src/shared/serials.test.ts', "import { describe } from 'vitest';"],
  ['src/shared/serials.test.ts', "import fc from 'fast-check';"],
  ['src/main/api/stock.ts', "import { stockContract } from '@shared/contract/stock';"],
  ['src/main/index.ts', "import { app } from 'electron';"],
  ['src/main/transport/ipc.ts', "import { ipcMain } from 'electron';"],
  ['src/preload/index.ts', "import { contextBridge } from 'electron';"],
  ['src/main/window.ts', "import type { BrowserWindowConstructorOptions } from 'electron';"],
  ['src/main/transport/ipc.test.ts', "import type { IpcMainInvokeEvent } from 'electron';"],
];

describe('import boundaries', () => {
  it.each(refused)('refuses in %s: %s', async (file, code) => {
    expect(await refusals(eslint, file, code)).toHaveLength(1);
  });

  it.each(allowed)('allows in %s: %s', async (file, code) => {
    expect(await refusals(eslint, file, code)).toEqual([]);
  });

  it('says which file may not import what, and why', async () => {
    const [message] = await refusals(eslint, 'src/main/domain/stock/ledger.ts', "import { handlers } from '../../api';");
    expect(message).toBe(
      'src/main/domain/stock/ledger.ts may not import "../../api": the domain knows nothing of Electron, transports or handlers (transport → api → domain → db).',
    );
  });
});

describe('the alias rule (switched on after the codemod)', () => {
  it.each([
    ['src/main/domain/stock/ledger.ts', "import { DomainError } from '../../../shared/errors';"],
    ['src/renderer/src/features/stock/items/ItemsPage.tsx', "import { call } from '../../lib/api';"],
    ['e2e/support/api.ts', "import type { ChannelName } from '../../src/shared/contract';"],
  ] satisfies Case[])('refuses a relative import that climbs two levels or more in %s: %s', async (file, code) => {
    expect(await refusals(aliasesEnforced, file, code, 'no-restricted-imports')).toHaveLength(1);
  });

  it.each([
    ['src/main/domain/stock/ledger.ts', "import { DomainError } from '@shared/errors';"],
    ['src/main/domain/stock/ledger.ts', "import { lots } from './lots';"],
    ['src/main/domain/stock/ledger.ts', "import type { Ctx } from '../context';"],
  ] satisfies Case[])('allows aliases and imports one level up in %s: %s', async (file, code) => {
    expect(await refusals(aliasesEnforced, file, code, 'no-restricted-imports')).toEqual([]);
  });
});
