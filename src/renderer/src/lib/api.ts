// The typed client: the same call in the desktop app (preload bridge over IPC) and in a browser
// (HTTP against `npm run serve`). Feature modules wrap it in their own api.ts.
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import type { ErrorData, Result } from '@shared/errors';
import { useMaintenance } from './maintenance';

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

/**
 * The page never holds the session token. In the desktop app the main process keeps it per window; in
 * a browser it is an HttpOnly cookie the host sets on sign-in and the browser sends with every call
 * (and with EventSource), so no script, web storage or URL ever sees it.
 */
async function overHttp(channel: string, input: unknown): Promise<Result<unknown>> {
  const response = await fetch(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(input ?? {}),
  });
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
    if (result.error.code === 'MAINTENANCE') useMaintenance.getState().began();
    throw new ApiError(result.error);
  }
  // The HTTP answer to a sign-in also carries the token for API clients; the page keeps none of it.
  if (channel === 'auth.login' || channel === 'auth.setup') {
    const { token: _token, ...signedIn } = result.data as { token?: string };
    return signedIn as ChannelOutput<C>;
  }
  return result.data as ChannelOutput<C>;
}

const unauthenticatedListeners = new Set<() => void>();
/** The shell listens to send the user back to the sign-in screen when a session expires. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}
