// Keeps the better-sqlite3 addon compiled by `npm ci` where its installer looks before compiling.
//
// better-sqlite3 installs with `prebuild-install || node-gyp rebuild`: the prebuilt download is
// unreachable on these offline machines, so every fresh clone compiles SQLite (~90 s of a CI run).
// prebuild-install first looks in npm's cache (`<npm cache>/_prebuilds/<digest>-<name>-v<version>-
// node-v<abi>-<platform>-<arch>.tar.gz`); this script packs the addon just compiled into exactly that
// file, so the next install on this machine unpacks it in a second. The name carries the package
// version, the Node ABI, the platform and the architecture: an upgrade or another Node misses the cache
// and compiles again. A new machine has no cache and compiles, as before.
//
//   node scripts/native-cache.mjs save     after `npm ci` (does nothing when the file already exists)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const packageDir = resolve('node_modules', 'better-sqlite3');
const addon = join('build', 'Release', 'better_sqlite3.node');

/** The cache file prebuild-install looks for, computed with its own options and helpers. */
function cachedPrebuildPath() {
  const require = createRequire(join(packageDir, 'package.json'));
  const installer = dirname(require.resolve('prebuild-install/package.json'));
  const pkg = require(join(packageDir, 'package.json'));
  // rc reads the target (runtime, ABI, platform, architecture) from the environment and argv as the
  // installer does when npm runs it; extra argv here (`save`) is not one of its options.
  const rc = require(join(installer, 'rc.js'))(pkg);
  const util = require(join(installer, 'util.js'));
  return util.cachedPrebuild(util.getDownloadUrl({ ...rc, pkg }));
}

const command = process.argv[2];
if (command !== 'save') {
  console.error('usage: node scripts/native-cache.mjs save');
  process.exit(2);
}
if (!existsSync(join(packageDir, addon))) {
  console.log('native-cache: no compiled better-sqlite3 addon to keep.');
  process.exit(0);
}
const target = cachedPrebuildPath();
if (existsSync(target)) {
  console.log(`native-cache: ${target} already kept.`);
  process.exit(0);
}
mkdirSync(dirname(target), { recursive: true });
// Written beside the target and renamed, so an interrupted run never leaves half a tarball to unpack.
const partial = `${target}.${process.pid}.tmp`;
const tar = spawnSync('tar', ['-czf', partial, '-C', packageDir, addon], { stdio: 'inherit' });
if (tar.status !== 0) process.exit(tar.status ?? 1);
renameSync(partial, target);
console.log(`native-cache: kept the compiled addon as ${target}.`);
