#!/usr/bin/env node
// Launcher for the TypeScript CLI (src/cli/main.ts).
//
// Fast path: a plain-JS bundle of the CLI, built with esbuild (already
// installed with tsx) into node_modules/.cache/govlens and reused while every
// source file it was built from is unchanged (mtime and size). Loading it skips
// tsx's loader hooks, which cost ~100 ms of every start.
// Fallback: tsx's ESM loader in this same process (never a second process;
// spawning `node --import tsx` costs another Node start-up). Set
// GOVLENS_NO_BUNDLE=1 to force it.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src/cli/main.ts');
const cacheDir = join(root, 'node_modules/.cache/govlens');
const manifestPath = join(cacheDir, 'manifest.json');

/** A file's identity for staleness checks; null when it is gone. */
function stamp(path) {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return null;
  }
}

function readManifest() {
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return null;
  }
}

/** The cached bundle's entry file if it is still current, else null. */
function freshBundle() {
  const manifest = readManifest();
  if (!manifest) return null;
  if (manifest.node !== process.version) return null;
  for (const [file, seen] of Object.entries(manifest.inputs)) if (stamp(join(root, file)) !== seen) return null;
  return join(cacheDir, manifest.dir, 'main.js');
}

/** Builds the bundle into a fresh directory and points the manifest at it; null if esbuild is unavailable. */
async function buildBundle() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const started = Date.now();
  const dir = `build-${process.pid}-${started}`;
  const outdir = join(cacheDir, dir);
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: entry },
    outdir,
    bundle: true,
    // Chunks keep the CLI's lazy import of the core lazy.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) inputs[file] = stamp(join(root, file));
  // Stamps are taken after the build, so a file edited while esbuild ran
  // would look current but be bundled in its old form: use this bundle once,
  // without recording it. The margin covers coarse file-system timestamps.
  const editedDuringBuild = Object.keys(inputs).some((file) => {
    const mtime = Number(String(inputs[file]).split(':')[0]);
    return !(mtime < started - 2000);
  });
  if (editedDuringBuild) return join(outdir, 'main.js');
  const previous = readManifest()?.dir;
  const tmp = `${manifestPath}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ node: process.version, dir, inputs }));
  // Rename is atomic, so concurrent launchers see an old or a new manifest, never half of one.
  renameSync(tmp, manifestPath);
  pruneOldBuilds([dir, previous]);
  return join(outdir, 'main.js');
}

/**
 * Removes stale bundles, sparing the new one, the one it replaces (a launcher
 * started just before this rebuild may still load lazy chunks from it) and
 * any younger than ten minutes (the same, for concurrent rebuilds).
 */
function pruneOldBuilds(keep) {
  const cutoff = Date.now() - 10 * 60 * 1000;
  try {
    for (const name of readdirSync(cacheDir)) {
      if (!name.startsWith('build-') || keep.includes(name)) continue;
      const path = join(cacheDir, name);
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // Cleanup is best effort.
  }
}

async function loadMain() {
  if (!process.env.GOVLENS_NO_BUNDLE) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      const bundle = freshBundle() ?? (await buildBundle());
      if (bundle) return (await import(pathToFileURL(bundle).href)).main;
    } catch {
      // Any trouble with the cache (read-only install, esbuild failure): use tsx below.
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import(pathToFileURL(entry).href)).main;
}

try {
  const main = await loadMain();
  await main(process.argv.slice(2));
} catch (err) {
  // Only start-up failures land here (main() reports its own errors).
  process.stderr.write(`govlens: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 70;
}
