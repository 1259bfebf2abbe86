import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { channelNames, contract } from '../src/shared/contract';
import { errorCodes } from '../src/shared/errors';
import { renderApiDocs } from './api-docs';

const docsPath = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'docs/API.md');

describe('docs/API.md', () => {
  const rendered = renderApiDocs();

  it('is up to date with the contract', () => {
    const committed = readFileSync(docsPath, 'utf8');
    // Compared as a boolean so a stale file reports the fix, not a 7,000-line diff.
    expect(committed === rendered, 'docs/API.md is stale: run `npm run docs:api` and commit the result').toBe(true);
  });

  it('documents every channel with its permission, summary and both schemas', () => {
    for (const name of channelNames) {
      const start = rendered.indexOf(`### \`${name}\`\n`);
      expect(start, `${name} is missing`).toBeGreaterThan(-1);
      const next = rendered.indexOf('\n### ', start + 1);
      const section = rendered.slice(start, next === -1 ? undefined : next);
      expect(section).toContain(contract[name].summary);
      expect(section).toContain(`Permission: \`${contract[name].permission}\``);
      expect(section.match(/```json\n\{[\s\S]*?\n```/g), `${name} needs an input and an output schema`).toHaveLength(2);
    }
  });

  it('lists every error code and both transports', () => {
    for (const code of errorCodes) expect(rendered).toContain(`- \`${code}\``);
    expect(rendered).toContain('window.api[channel](input)');
    expect(rendered).toContain('POST /api/<channel>');
    expect(rendered).toContain('Authorization: Bearer <token>');
    expect(rendered).toContain('GET /api/events');
  });

  it('documents both ways to hold a session over HTTP and what the host refuses', () => {
    expect(rendered).toContain('HttpOnly; SameSite=Strict; Path=/');
    expect(rendered).toContain('Content-Type: application/json');
    for (const status of ['**400**', '**403**', '**415**', '**429**']) expect(rendered).toContain(status);
    expect(rendered).toContain('--allowed-host');
  });

  it('writes input schemas as callers send them: defaults are optional', () => {
    const section = rendered.slice(rendered.indexOf('### `auth.setup`'), rendered.indexOf('### `auth.login`'));
    const input = JSON.parse(section.match(/```json\n([\s\S]*?)\n```/)![1]!);
    expect(input.properties.loadDemoData).toMatchObject({ type: 'boolean', default: false });
    expect(input.required).toEqual(expect.arrayContaining(['username', 'displayName', 'password']));
    expect(input.required).not.toContain('loadDemoData');
  });
});
