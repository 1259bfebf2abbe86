// The typed client: the same call in the desktop app (preload bridge over IPC) and in a browser
// (HTTP against `npm run serve`). Feature modules wrap it in their own api.ts.
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import type { ErrorData, Result } from '../../../shared/errors';

export class ApiError extends Error {
  readonly code: ErrorData['code'];
  readonly details: Record<string, unknown>;
  constructor(error: ErrorData) {
    super(error.message);
    this.code = error.code;
    this.details = error.details ?? {};
  }
}

type Bridge = { [C in ChannelName]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };

declare global {
  interface Window {
    /** Exposed by the preload script in the desktop app only. */
    api?: Bridge;
  }
}

const TOKEN_KEY = 'msp-inventory.token';

/** HTTP clients keep the session token in sessionStorage (per tab); IPC keeps it in the main process. */
export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set token(value: string | null) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
};

async function overHttp(channel: string, input: unknown): Promise<Result<unknown>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = session.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`/api/${channel}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
  return (await response.json()) as Result<unknown>;
}

/** Calls a channel; resolves with its data or rejects with an ApiError carrying the stable code. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let result: Result<unknown>;
  try {
    result = window.api ? await (window.api[channel] as (i: unknown) => Promise<Result<unknown>>)(input) : await overHttp(channel, input);
  } catch {
    throw new ApiError({ code: 'INTERNAL', message: 'network' });
  }
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED') unauthenticatedListeners.forEach((l) => l());
    throw new ApiError(result.error);
  }
  if (channel === 'auth.login' || channel === 'auth.setup') session.token = (result.data as { token: string }).token;
  if (channel === 'auth.logout') session.token = null;
  return result.data as ChannelOutput<C>;
}

const unauthenticatedListeners = new Set<() => void>();
/** The shell listens to send the user back to the sign-in screen when a session expires. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}
