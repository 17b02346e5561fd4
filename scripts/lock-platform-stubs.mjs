// The npm registry reachable here serves rollup's native binary only for the
// platforms this project builds on (linux x64/arm64, glibc), so a lockfile
// written here lacks the other platforms' optional packages and `npm ci`
// refuses it as "out of sync". This adds those entries, marked optional with
// their os/cpu/libc, so npm skips them on every machine they don't fit.
// Run after any `npm install` that rewrites package-lock.json.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const m = /^@rollup\/rollup-([a-z0-9]+)-([a-z0-9]+)(?:-(gnu|musl|gnueabihf|musleabihf|msvc|eabi))?$/.exec(dep);
    if (!m) continue;
    const where = path.includes('node_modules/') ? path.slice(0, path.lastIndexOf('node_modules/')) : '';
    const key = `${where}node_modules/${dep}`;
    if (pkgs[key]) continue;
    const [, os, cpu, abi] = m;
    const entry = { version, cpu: [cpu === 'arm' ? 'arm' : cpu], dev: meta.dev, optional: true, os: [os] };
    if (abi === 'musl' || abi === 'musleabihf') entry.libc = ['musl'];
    if (abi === 'gnu' || abi === 'gnueabihf') entry.libc = ['glibc'];
    if (!meta.dev) delete entry.dev;
    pkgs[key] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`lock-platform-stubs: added ${added} optional platform entries`);
