// A failure message goes away when the user changes what failed, and a new failure shows again.
import { describe, expect, it } from 'vitest';
import { nextStaleState, shownMessage, type StaleState } from './staleMessage';

/** Runs renders one after another: each step is the message and the inputs of that render. */
function renders(steps: [message: string | null, inputs: unknown[]][]): (string | null)[] {
  let state: StaleState<string> = { message: steps[0]![0], inputs: steps[0]![1], edited: false };
  return steps.map(([message, inputs]) => {
    state = nextStaleState(state, message, inputs);
    return shownMessage(state);
  });
}

describe('messages that go stale when the input changes', () => {
  it('shows a failure until an input changes, then hides it even if the input is changed back', () => {
    expect(
      renders([
        [null, ['admin', '']],
        ['Wrong username or password', ['admin', '']],
        ['Wrong username or password', ['admin', '']],
        ['Wrong username or password', ['admin', 's']],
        ['Wrong username or password', ['admin', '']],
      ]),
    ).toEqual([null, 'Wrong username or password', 'Wrong username or password', null, null]);
  });

  it('shows the next failure, even with the same text, once the action fails again', () => {
    const first = 'Refused';
    const again = new String('Refused') as unknown as string;
    let state: StaleState<string> = { message: null, inputs: ['a'], edited: false };
    state = nextStaleState(state, first, ['a']);
    state = nextStaleState(state, first, ['b']);
    expect(shownMessage(state)).toBeNull();
    // A retry that fails yields a new message object (a new error from the mutation).
    state = nextStaleState(state, again, ['b']);
    expect(shownMessage(state)).toBe(again);
  });

  it('compares inputs one by one, by identity', () => {
    const lines = [{ qty: 1 }];
    expect(renders([['x', [lines, 2]], ['x', [lines, 2]]])).toEqual(['x', 'x']);
    expect(renders([['x', [lines, 2]], ['x', [[...lines], 2]]])).toEqual(['x', null]);
    expect(renders([['x', [1]], ['x', [1, 2]]])).toEqual(['x', null]);
    expect(renders([['x', [Number.NaN]], ['x', [Number.NaN]]])).toEqual(['x', 'x']);
  });

  it('shows nothing while there is no message', () => {
    expect(renders([[null, ['a']], [null, ['b']]])).toEqual([null, null]);
  });
});
