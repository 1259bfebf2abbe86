// Sign-in state: auth.status feeds the session store (lib/session.ts); signing in or out drops every
// cached query so one user never sees another's data.
import { notify } from '@renderer/lib/notify';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type ApiError } from '@renderer/lib/api';
import { useApiMutation } from '@renderer/lib/query';
import { useSession } from '@renderer/lib/session';

export const AUTH_STATUS_KEY = ['auth', 'status'];

export function useAuthStatus() {
  return useQuery({
    queryKey: AUTH_STATUS_KEY,
    // A change to users (this one's permissions, say) refetches it like any query reading `auth`.
    meta: { channel: 'auth.status' },
    queryFn: async () => {
      const status = await call('auth.status', {});
      useSession.getState().setStatus(status);
      return status;
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** After sign-in, sign-out or setup: forget everything cached, then ask who is signed in. */
export function useResetSession() {
  const queryClient = useQueryClient();
  return () => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    void queryClient.invalidateQueries({ queryKey: AUTH_STATUS_KEY });
  };
}

export function useLogin() {
  const reset = useResetSession();
  return useApiMutation('auth.login', {
    invalidate: [],
    silentError: true,
    onSuccess: (data) => {
      // Forget the old cache first: signing in starts the home screen's queries (app/App.tsx).
      reset();
      useSession.getState().signedIn(data.user);
    },
  });
}

export function useSetup() {
  const reset = useResetSession();
  return useApiMutation('auth.setup', {
    invalidate: [],
    silentError: true,
    onSuccess: (data) => {
      // Forget the old cache first: signing in starts the home screen's queries (app/App.tsx).
      reset();
      useSession.getState().signedIn(data.user);
    },
  });
}

export function useLogout() {
  const reset = useResetSession();
  const signOut = () => {
    useSession.getState().signedOut();
    notify.clear();
    reset();
  };
  const mutation = useApiMutation('auth.logout', { invalidate: [], silentError: true, onSuccess: signOut });
  // Signing out must always leave the screen, even when the session had already expired.
  return () => mutation.mutate({}, { onError: (_err: ApiError) => signOut() });
}

export function useChangePassword(onDone: () => void) {
  return useApiMutation('auth.changePassword', {
    invalidate: [AUTH_STATUS_KEY],
    silentError: true,
    successKey: 'auth:changePassword.done',
    onSuccess: onDone,
  });
}
