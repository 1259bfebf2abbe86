// React's rules of hooks hold in the renderer: eslint.config.mjs refuses a hook called behind a condition,
// `&&`, `||`, a ternary, a loop or after an early return, and accepts hooks called first and combined after.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './aliases';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

const file = 'src/renderer/src/features/catalog/Example.tsx';
const header = "import { useCan } from '@renderer/lib/session';\nimport { useModuleOn } from '@renderer/lib/activations';\n";

async function hookErrors(body: string): Promise<number> {
  const [result] = await eslint.lintText(`${header}export function Example({ on }: { on: boolean }) {\n${body}\n}\n`, { filePath: join(repoRoot, file) });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'react-hooks/rules-of-hooks').length;
}

describe('rules of hooks in the renderer', () => {
  it.each([
    ["  const a = useCan('inventory.view') && useModuleOn('inventory');\n  return a;"],
    ["  const a = useCan('costs.view') || useCan('purchasing.approve');\n  return a;"],
    ["  const a = on ? useCan('costs.view') : false;\n  return a;"],
    ["  if (on) {\n    const a = useCan('costs.view');\n    return a;\n  }\n  return null;"],
    ["  if (!on) return null;\n  const a = useCan('costs.view');\n  return a;"],
    ["  const all = [];\n  for (const p of ['a', 'b']) all.push(useCan(p as 'admin'));\n  return all;"],
  ])('refuses %s', async (body) => {
    expect(await hookErrors(body)).toBeGreaterThan(0);
  });

  it.each([
    ["  const a = useCan('inventory.view');\n  const b = useModuleOn('inventory');\n  return a && b;"],
    ["  const a = useCan('costs.view');\n  const b = useCan('purchasing.approve');\n  if (!on) return null;\n  return a || b;"],
  ])('accepts %s', async (body) => {
    expect(await hookErrors(body)).toBe(0);
  });
});
