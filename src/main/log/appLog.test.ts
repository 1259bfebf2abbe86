// The log file: one line per entry, rotated by size, never throwing into the call it logs.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileLog, formatLine, logFilePath } from './appLog';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'msp-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('fileLog', () => {
  it('appends one line per entry: ISO time, level, message, JSON details; creates its folder', () => {
    const path = join(dir, 'logs', 'app.log');
    const log = fileLog({ path, now: () => Date.UTC(2026, 0, 15, 9, 30, 0) });
    log.write('warn', 'Slow call', { channel: 'stock.add', ms: 120, userId: 3 });
    log.error('Unexpected error in handler', new TypeError('bad thing'), { channel: 'stock.add' });
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('2026-01-15T09:30:00.000Z WARN Slow call {"channel":"stock.add","ms":120,"userId":3}');
    const [, level, ...rest] = lines[1]!.split(' ');
    expect(level).toBe('ERROR');
    const details = JSON.parse(rest.join(' ').replace(/^Unexpected error in handler /, '')) as Record<string, string>;
    expect(details).toMatchObject({ channel: 'stock.add', error: 'TypeError', message: 'bad thing' });
    expect(details.stack).toMatch(/TypeError: bad thing\n\s+at /);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it.each([
    { maxBytes: 300, keep: 3, entries: 40 },
    { maxBytes: 1000, keep: 5, entries: 200 },
    { maxBytes: 120, keep: 1, entries: 10 },
  ])('rotates at $maxBytes bytes keeping $keep files, newest entries last, oldest dropped', ({ maxBytes, keep, entries }) => {
    const path = join(dir, 'app.log');
    const log = fileLog({ path, maxBytes, keep });
    for (let i = 0; i < entries; i++) log.write('info', `entry ${i}`, { i });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['app.log', ...Array.from({ length: keep - 1 }, (_, k) => `app.log.${k + 1}`)].sort());
    for (const file of files) expect(statSync(join(dir, file)).size).toBeLessThanOrEqual(maxBytes);
    // Read oldest to newest: app.log.N … app.log.1, app.log — the numbers run on without a gap.
    const ordered = [...Array.from({ length: keep - 1 }, (_, k) => `app.log.${keep - 1 - k}`), 'app.log'];
    const seen = ordered.flatMap((f) => readFileSync(join(dir, f), 'utf8').trimEnd().split('\n')).map((l) => Number(/entry (\d+)/.exec(l)![1]));
    expect(seen.at(-1)).toBe(entries - 1);
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, k) => seen[0]! + k));
    expect(seen[0]).toBeGreaterThan(0);
  });

  it('continues an existing file and counts its size', () => {
    const path = join(dir, 'app.log');
    writeFileSync(path, 'x'.repeat(250) + '\n');
    fileLog({ path, maxBytes: 300 }).write('info', 'one more line that does not fit');
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('x'.repeat(250) + '\n');
    expect(readFileSync(path, 'utf8')).toMatch(/INFO one more line/);
  });

  it('never throws: an unwritable log goes to the fallback', () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const fallback: string[] = [];
    const log = fileLog({ path: join(blocker, 'app.log'), fallback: (line) => fallback.push(line) });
    expect(() => log.write('warn', 'Slow call', { ms: 200 })).not.toThrow();
    expect(() => log.error('Unexpected error', new Error('x'))).not.toThrow();
    expect(fallback).toHaveLength(2);
    expect(existsSync(join(blocker, 'app.log'))).toBe(false);
  });

  it('keeps every entry on one line and survives details JSON cannot hold', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(formatLine(0, 'info', 'two\nlines', { big: 2n ** 70n })).toBe('1970-01-01T00:00:00.000Z INFO two lines {"big":"1180591620717411303424"}\n');
    expect(formatLine(0, 'info', 'x', circular)).toMatch(/unserialisable/);
  });
});

describe('logFilePath', () => {
  it('takes a .log path or an existing file as the file, anything else as its folder', () => {
    const file = join(dir, 'existing.txt');
    writeFileSync(file, '');
    expect(logFilePath(join(dir, 'mine.log'))).toBe(join(dir, 'mine.log'));
    expect(logFilePath(file)).toBe(file);
    expect(logFilePath(join(dir, 'logs'))).toBe(join(dir, 'logs', 'app.log'));
    expect(logFilePath(dir)).toBe(join(dir, 'app.log'));
  });
});
