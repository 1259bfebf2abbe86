// Renders docs/API.md from the contract, so the reference can never describe a channel that the
// code does not have (scripts/api-docs.test.ts fails when the committed file is stale).
import { z } from 'zod';
import { channelNames, contract, type ChannelName } from '../src/shared/contract';
import { errorCodes } from '../src/shared/errors';
import { costRules } from '../src/main/api/costs';

/** Areas are the channel prefix (`stock` in `stock.transfer`), kept in the contract's order. */
export function channelsByArea(): Map<string, ChannelName[]> {
  const areas = new Map<string, ChannelName[]>();
  for (const name of channelNames) {
    const area = name.slice(0, name.indexOf('.'));
    areas.set(area, [...(areas.get(area) ?? []), name]);
  }
  return areas;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): string {
  // 'any' instead of throwing on what JSON Schema cannot express (transforms, dates); the input
  // side documents what callers send, so transforms there are described by their input type.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return JSON.stringify(rest, null, 2);
}

function describePermission(permission: string): string {
  if (permission === 'public') return '`public` (no sign-in needed)';
  if (permission === 'signedIn') return '`signedIn` (any signed-in user)';
  return `\`${permission}\``;
}

function anchor(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function costLines(def: (typeof contract)[ChannelName]): string[] {
  if (def.showsCosts) return ['Shows costs: refused without `costs.view`.', ''];
  const names = [...costRules(def).outputNames];
  return names.length > 0 ? [`Cost fields (\`null\` without \`costs.view\`): ${names.map((n) => `\`${n}\``).join(', ')}.`, ''] : [];
}

export function renderApiDocs(): string {
  const areas = channelsByArea();
  const lines: string[] = [
    '# MSP Inventory API',
    '',
    '<!-- Generated from src/shared/contract by `npm run docs:api`. Do not edit by hand. -->',
    '',
    'Every feature of the app is a **channel** named `<area>.<verb>`. The desktop renderer and the HTTP',
    'host call the same channels, validated by the same schemas, with the same permissions.',
    '',
    '## Calling a channel',
    '',
    '- **Desktop (IPC):** `window.api[channel](input)` returns a `Promise` of the result. The session',
    '  token stays in the main process, per window: sign-in answers carry the user only, never the token.',
    '- **HTTP (`npm run serve`):** `POST /api/<channel>` with the input as a JSON body and',
    '  `Content-Type: application/json` (any other type is refused with 415). `GET /api/events` is a',
    '  server-sent event stream for push notifications; it requires a session (401 otherwise).',
    '',
    '### Sessions over HTTP',
    '',
    '- **Browsers** (the app itself): `auth.login` and `auth.setup` set the session cookie',
    '  `msp-inventory-session-<port>` (`HttpOnly; SameSite=Strict; Path=/`, plus `Secure` over TLS). The',
    '  browser sends it with every call and with `EventSource`, so no script, web storage or URL holds the',
    '  session, and a new tab of the same browser is signed in. `auth.logout` clears it.',
    '- **API clients** (scripts, integrations): send `Authorization: Bearer <token>`, with the `token`',
    '  returned by `auth.login` or `auth.setup`. A Bearer header takes precedence over the cookie.',
    '',
    'Either way the session ends after 12 hours without use, at `auth.logout`, when the user changes their',
    'password (their other sessions), when an administrator resets it or deactivates the user (all of',
    'them), and when the host restarts.',
    '',
    '### What the host refuses',
    '',
    'Any web page a user opens can send requests to the host, so before a channel runs:',
    '',
    '- the request target must be a well-formed path (`/…`): malformed percent-encodings, control',
    '  characters, `.`/`..` segments in any encoding and absolute-form targets get **400**;',
    '- the `Host` header must name the address served: `localhost`, `127.0.0.1` or `[::1]` with the port,',
    '  the address given to `--host`, a name given with `--allowed-host`, and with `--host 0.0.0.0` (or',
    '  `::`) the machine\'s own addresses and host name (with and without `.local`). Any other or a missing',
    '  `Host` gets **403** (`FORBIDDEN`, `details.reason: "host"`), for pages as well as the API;',
    '- a present `Origin` must be one of those same addresses (`Origin: null` never is), and a present',
    '  `Sec-Fetch-Site` must be `same-origin` or `none`: otherwise **403** (`details.reason` `origin` or',
    '  `fetchSite`);',
    '- an API `POST` without `Content-Type: application/json` gets **415** (`VALIDATION`,',
    '  `details.reason: "contentType"`), so a cross-site form or "simple" request can never run a channel.',
    '',
    'Failed sign-ins are throttled: after 5 consecutive failures of a username from one address, further',
    'attempts from that address are refused at once with `RATE_LIMITED` for 2 s, then 4, 8 … s after',
    'each further failure (at most 60 s); across all addresses a username gets at most 20 failures a',
    'minute. Over HTTP such an answer has status **429** and `Retry-After`; `details.retryAfterMs` says',
    'how long to wait. A success resets the count for that address.',
    '',
    'Input is validated before anything runs; fields with a `default` may be left out.',
    '',
    '## Result',
    '',
    'Every call answers with data, never a thrown error:',
    '',
    '```ts',
    'type Result<T> =',
    '  | { ok: true; data: T }',
    '  | { ok: false; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };',
    '```',
    '',
    'Error codes are stable; clients translate them rather than show `message`:',
    '',
    ...errorCodes.map((code) => `- \`${code}\``),
    '',
    '`VALIDATION` carries the failing fields in `details.fields`. `UNAUTHENTICATED` means no valid session;',
    '`RATE_LIMITED` means too many failed sign-ins: wait `details.retryAfterMs` milliseconds;',
    '`FORBIDDEN` means the signed-in user lacks the permission (or, over IPC, the caller is not the app page).',
    '`INTERNAL` is an unexpected failure, logged by the host with its stack and never described to the caller.',
    '',
    '**Costs.** Internal costs, inventory value and margins are visible only with the `costs.view` permission',
    '(selling prices are not costs). For any other caller the fields each channel lists as *cost fields* come',
    'back `null`; sorting or filtering by one answers `FORBIDDEN` with `details.field`; and a channel that',
    'produces a document showing costs (a purchase-order PDF or its e-mail) answers `FORBIDDEN`.',
    '',
    '## Amounts and serial numbers',
    '',
    '- Money is an integer count of ten-thousandths of the home currency (`12.5` is `125000`). A unit cost or',
    '  price is at most 1,000,000.0000, a quantity at most 1,000,000 per line, freight at most 100,000,000.0000,',
    '  and a purchase order\'s total at most 900,719,925,474.0991, so all of them are exact JSON numbers.',
    '- Inventory values (Σ units × cost: `stock.valueByLocation`, `stock.valueByProduct`, `stock.valueSeries`, an',
    '  inventory product\'s `value`, `stock.verifyLedger` amounts) can pass 2^53, where a JSON number would round:',
    '  they are decimal integer strings in ten-thousandths (`"12345678901234567"`). Parse them with `BigInt`.',
    '- Serial numbers are unique per product ignoring letter case and the blanks around them (any Unicode',
    '  space, tabs, no-break and zero-width spaces): `SN-1`, `sn-1 ` and `\\u00A0Sn-1` name one unit. They are',
    '  stored as typed; lookups by serial accept any of these spellings.',
    '',
    'Schemas below are JSON Schema (draft 2020-12).',
    '',
    '## Channels',
    '',
    ...[...areas].map(([area, names]) => `- **${area}**: ${names.map((n) => `[\`${n}\`](#${anchor(n)})`).join(', ')}`),
    '',
  ];

  for (const [area, names] of areas) {
    lines.push(`## ${area}`, '');
    for (const name of names) {
      const def = contract[name];
      lines.push(
        `### \`${name}\``,
        '',
        def.summary,
        '',
        `Permission: ${describePermission(def.permission)}`,
        '',
        ...costLines(def),
        'Input:',
        '',
        '```json',
        jsonSchema(def.input, 'input'),
        '```',
        '',
        'Output (`data`):',
        '',
        '```json',
        jsonSchema(def.output, 'output'),
        '```',
        '',
      );
    }
  }
  return lines.join('\n');
}
