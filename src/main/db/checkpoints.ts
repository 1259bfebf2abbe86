// The write-ahead log is copied into the database file after the answer, not inside the action that filled
// it. SQLite's automatic checkpoint runs within the commit that takes the log past 1,000 pages: a 10,000-serial
// shipment waited about 20 ms of its answer for it, and every large action paid the same for its own pages.
// Here each committed write transaction asks for a passive checkpoint on the next turn of the event loop
// (after Electron or the HTTP server has sent the answer); readers are never blocked by it, and what they
// still read is copied by a later one.
import { afterCommit } from './writeTransaction';
import type { Sqlite } from './open';

/**
 * Commits without a turn of the event loop in between (a script calling the app in a loop) checkpoint
 * in line every so many, so that the log cannot grow without bound.
 */
export const COMMITS_BEFORE_CHECKPOINT_IN_LINE = 500;

export interface Checkpoints {
  stop(): void;
}

export function deferCheckpoints(sqlite: Sqlite, options: { paused: () => boolean; onError: (error: unknown) => void }): Checkpoints {
  sqlite.pragma('wal_autocheckpoint = 0');
  let scheduled: ReturnType<typeof setImmediate> | null = null;
  let commits = 0;
  const run = (): void => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    commits = 0;
    // During a restore the file is rewritten underneath (the restore checkpoints itself); a closed or busy
    // connection leaves it to the next commit.
    if (!sqlite.open || sqlite.inTransaction || options.paused()) return;
    try {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      options.onError(error);
    }
  };
  afterCommit(sqlite, () => {
    commits++;
    if (commits >= COMMITS_BEFORE_CHECKPOINT_IN_LINE) run();
    else if (!scheduled) {
      scheduled = setImmediate(run);
      scheduled.unref();
    }
  });
  return {
    stop: () => {
      afterCommit(sqlite, null);
      if (scheduled) clearImmediate(scheduled);
      scheduled = null;
    },
  };
}
