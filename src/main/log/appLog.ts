// The app's log: slow calls and unexpected errors (with their stacks) for whoever maintains the
// installation; callers only ever see INTERNAL. One line per entry — ISO time, level, message, JSON
// details — appended synchronously to a file that rotates at about 1 MB, keeping a few old ones
// (app.log, app.log.1 … app.log.4). Logging never throws: a full disk must not break the call it logs.
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogDetails = Record<string, unknown>;

export interface AppLog {
  /** One entry. Never throws. */
  write(level: LogLevel, message: string, details?: LogDetails): void;
  /** An unexpected error, with its stack. Never throws. */
  error(message: string, error: unknown, details?: LogDetails): void;
}

/** The parts of an error worth keeping: its kind, message, code and stack (never the input that caused it). */
export function errorDetails(error: unknown): LogDetails {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { error: error.name, message: error.message, ...(code === undefined ? {} : { code }), stack: error.stack ?? null };
  }
  return { error: typeof error, message: String(error) };
}

function json(details: LogDetails): string {
  try {
    return JSON.stringify(details, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  } catch {
    return '{"details":"unserialisable"}';
  }
}

/** One line of the log file (the message on one line whatever it holds; the stack stays inside the JSON). */
export function formatLine(at: number, level: LogLevel, message: string, details: LogDetails = {}): string {
  return `${new Date(at).toISOString()} ${level.toUpperCase()} ${message.replace(/\s+/g, ' ')} ${json(details)}\n`;
}

/** A log built from a line writer (file, console, memory), with `error` in terms of `write`. */
function logOf(write: AppLog['write']): AppLog {
  const safeWrite: AppLog['write'] = (level, message, details) => {
    try {
      write(level, message, details);
    } catch {
      // Logging must never break the call it logs.
    }
  };
  return { write: safeWrite, error: (message, error, details) => safeWrite('error', message, { ...details, ...errorDetails(error) }) };
}

export interface FileLogOptions {
  /** The log file (e.g. `…/logs/app.log`); its folder is created owner-only when missing. */
  path: string;
  /** Rotate when the file would pass this size (default 1 MiB). */
  maxBytes?: number;
  /** Files kept, the current one included (default 5). */
  keep?: number;
  now?: () => number;
  /** Where entries go when the file cannot be written (default: standard error). */
  fallback?: (line: string) => void;
}

export const DEFAULT_LOG_FILE = 'app.log';

/**
 * The log file for a `--log` argument or a logs folder: a path ending in `.log` (or an existing file) is
 * the file itself; anything else is a folder that gets `app.log`.
 */
export function logFilePath(target: string): string {
  if (extname(target) === '.log') return target;
  try {
    if (existsSync(target) && statSync(target).isFile()) return target;
  } catch {
    // unreadable: treated as a folder; writing will say what is wrong
  }
  return join(target, DEFAULT_LOG_FILE);
}

export function fileLog(options: FileLogOptions): AppLog {
  const { path } = options;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 5);
  const now = options.now ?? Date.now;
  const fallback = options.fallback ?? ((line: string) => process.stderr.write(line));
  let size: number | null = null;

  function rotate(): void {
    rmSync(`${path}.${keep - 1}`, { force: true });
    for (let i = keep - 2; i >= 1; i--) if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
    if (keep > 1) renameSync(path, `${path}.1`);
    else rmSync(path, { force: true });
    size = 0;
  }

  return logOf((level, message, details) => {
    const line = formatLine(now(), level, message, details);
    try {
      if (size === null) {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        size = existsSync(path) ? statSync(path).size : 0;
      }
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(path, line, { mode: 0o600 });
      size += bytes;
    } catch {
      // The file may have been moved or the disk be full: count again next time, and say it elsewhere.
      size = null;
      fallback(line);
    }
  });
}

/** Entries to standard error (the default when no file is configured, e.g. scripts). */
export function consoleLog(now: () => number = Date.now): AppLog {
  return logOf((level, message, details) => process.stderr.write(formatLine(now(), level, message, details)));
}

/** Nothing at all (tests that do not look at the log). */
export const silentLog: AppLog = logOf(() => undefined);

export interface LogEntry {
  level: LogLevel;
  message: string;
  details: LogDetails;
}

/** Entries kept in memory, for tests that check what was logged. */
export function memoryLog(): AppLog & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return { entries, ...logOf((level, message, details = {}) => entries.push({ level, message, details })) };
}
