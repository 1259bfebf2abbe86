// `npm start`: makes sure the pieces the desktop app needs exist, then builds and launches it.
// The Electron binary and the Electron build of better-sqlite3 both need downloads that `npm ci`
// skips (see STACK.md), so they are fetched here, on first start, where a failure can be explained.
// node_modules' own better-sqlite3 stays built for Node: tests and `npm run serve` use it.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules/electron');
const nativeDir = join(root, '.electron-native');
const nativeBinary = join(nativeDir, 'better_sqlite3.node');
const nativeStamp = join(nativeDir, 'better_sqlite3.json');
const serveHint = 'The same app runs in a browser without Electron:\n  npm run serve -- --db msp-inventory.db --port 5178\nthen open http://127.0.0.1:5178/';

function fail(message) {
  console.error(`\n${message}\n\n${serveHint}\n`);
  process.exit(1);
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options }).status === 0;
}

/** Where the Electron executable is, or null when it has not been downloaded (the same lookup as electron's index.js, without its implicit download). */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

function ensureElectron() {
  const existing = electronBinary();
  if (existing) return existing;
  console.log('Downloading the Electron desktop runtime (first start)…');
  // Set to make `npm ci` succeed offline; here the download is exactly what is wanted.
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const downloaded = run(process.execPath, [join(electronDir, 'install.js')], { env });
  const binary = electronBinary();
  if (!downloaded || !binary) fail('The Electron desktop runtime could not be downloaded (no connection to its download site?).');
  return binary;
}

function nodeGypScript() {
  const candidates = [
    join(root, 'node_modules/node-gyp/bin/node-gyp.js'),
    join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
    join(dirname(process.execPath), 'node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  ];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** Environment for node-gyp without npm's settings that would retarget the build at Node (a `nodedir=/usr` in npmrc does exactly that). */
function gypEnv() {
  const retargeting = new Set(['nodedir', 'target', 'runtime', 'disturl', 'dist_url', 'devdir', 'build_from_source']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => {
      const match = /^npm_(?:package_config_node_gyp|config)_(.+)$/i.exec(key);
      return !match || !retargeting.has(match[1].toLowerCase().replaceAll('-', '_'));
    }),
  );
}

function ensureNativeSqlite() {
  const wanted = {
    electron: readJson(join(electronDir, 'package.json')).version,
    betterSqlite3: readJson(join(root, 'node_modules/better-sqlite3/package.json')).version,
    platform: process.platform,
    arch: process.arch,
  };
  if (existsSync(nativeBinary) && existsSync(nativeStamp) && JSON.stringify(readJson(nativeStamp)) === JSON.stringify(wanted)) return;

  console.log(`Building better-sqlite3 ${wanted.betterSqlite3} for Electron ${wanted.electron} (first start, takes a minute)…`);
  const gyp = nodeGypScript();
  if (!gyp) fail('node-gyp was not found, so the database driver cannot be built for Electron.');
  const work = mkdtempSync(join(tmpdir(), 'msp-better-sqlite3-'));
  const source = join(work, 'better-sqlite3');
  let built = false;
  try {
    // A copy, so node_modules' Node build (used by tests and serve mode) is never overwritten.
    cpSync(join(root, 'node_modules/better-sqlite3'), source, {
      recursive: true,
      filter: (path) => !path.startsWith(join(root, 'node_modules/better-sqlite3/build')),
    });
    const output = join(source, 'build/Release/better_sqlite3.node');
    const compiled = run(
      process.execPath,
      [
        gyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${wanted.electron}`,
        `--arch=${wanted.arch}`,
        '--dist-url=https://electronjs.org/headers',
        `--devdir=${join(homedir(), '.electron-gyp')}`,
      ],
      { cwd: source, env: gypEnv() },
    );
    if (compiled && existsSync(output)) {
      mkdirSync(nativeDir, { recursive: true });
      copyFileSync(output, nativeBinary);
      writeFileSync(nativeStamp, `${JSON.stringify(wanted, null, 2)}\n`);
      built = true;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!built) {
    fail(`better-sqlite3 could not be built for Electron ${wanted.electron}. It needs Electron's headers (downloaded from electronjs.org), Python 3 and a C++ compiler.`);
  }
}

function buildApp() {
  if (!run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'])) fail('Building the app failed (see the errors above).');
}

function launch(binary) {
  const env = { ...process.env };
  // Inherited from a parent tool, it would start Electron as plain Node and never open a window.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  child.on('error', (error) => fail(`Electron could not be started: ${error.message}`));
}

const binary = ensureElectron();
ensureNativeSqlite();
buildApp();
launch(binary);
