// A message about a failed action (the server's refusal, a failed sign-in) describes what the user had
// typed then. Once they change it the message is stale: it goes away, and comes back only when the
// action fails again (a new message). Usage:
//   const shown = useUntilEdited(failure, [form.values.username, form.values.password]);
import { useState } from 'react';

export interface StaleState<M> {
  /** The message last seen, and the inputs as they were when it appeared. */
  message: M | null | undefined;
  inputs: readonly unknown[];
  /** The inputs changed since the message appeared. */
  edited: boolean;
}

const sameInputs = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/** The next state for `message` and `inputs` as they are now (pure; the hook renders with it). */
export function nextStaleState<M>(state: StaleState<M>, message: M | null | undefined, inputs: readonly unknown[]): StaleState<M> {
  if (!Object.is(message, state.message)) return { message, inputs, edited: false };
  if (state.edited || sameInputs(inputs, state.inputs)) return state;
  return { ...state, edited: true };
}

/** The message to show: `message` until `inputs` change after it appeared, then null. */
export function shownMessage<M>(state: StaleState<M>): M | null {
  return state.edited || state.message === undefined ? null : state.message;
}

/**
 * `message` while the inputs are as they were when it appeared; null once any of them changed, until a
 * different message (another failure) arrives. Inputs are compared one by one (Object.is).
 */
export function useUntilEdited<M>(message: M | null | undefined, inputs: readonly unknown[]): M | null {
  const [state, setState] = useState<StaleState<M>>(() => ({ message, inputs, edited: false }));
  const next = nextStaleState(state, message, inputs);
  // Adjusted during render (React's pattern for state derived from props): no frame shows the stale text.
  if (next !== state) setState(next);
  return shownMessage(next);
}
