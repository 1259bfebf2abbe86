// Setup that is not under test goes through the HTTP API, as any client of `npm run serve` would:
// POST /api/<channel> with a JSON body and the session token as a Bearer token.
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';

export type Api = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/** Calls one channel; a refusal throws with its code and details, so a broken setup says why. */
export async function callApi<C extends ChannelName>(baseUrl: string, channel: C, input: ChannelInput<C>, token?: string): Promise<ChannelOutput<C>> {
  const response = await fetch(new URL(`api/${channel}`, baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: true; data: ChannelOutput<C> } | { ok: false; error: { code: string; details?: unknown } };
  if (!body.ok) throw new Error(`${channel} refused: ${body.error.code} ${JSON.stringify(body.error.details ?? {})}`);
  return body.data;
}

/** The first administrator (auth.setup), and a caller that acts as them. */
export async function setupAdmin(baseUrl: string, admin: { username: string; displayName: string; password: string }): Promise<Api> {
  const { token } = await callApi(baseUrl, 'auth.setup', { ...admin, loadDemoData: false });
  return (channel, input) => callApi(baseUrl, channel, input, token);
}
