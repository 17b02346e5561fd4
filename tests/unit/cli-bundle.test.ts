import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The launcher caches a bundle of the CLI keyed on its sources' stamps. A stale
// bundle would silently run old code, so this test edits a source file in a
// scratch copy of the repo and checks the very next run sees the edit.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'govlens-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Sets every file's mtime under `path` a minute back, so none looks "edited during the build". */
function backDate(path: string) {
  const past = new Date(Date.now() - 60_000);
  utimesSync(path, past, past);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) backDate(join(path, name));
}

function setUpScratchRepo() {
  for (const part of ['src', 'bin', 'package.json']) {
    cpSync(join(repoRoot, part), join(scratch, part), { recursive: true });
    backDate(join(scratch, part));
  }
  // Packages are shared by symlink, but the cache folder must be the scratch repo's own.
  mkdirSync(join(scratch, 'node_modules'));
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (name !== '.cache') symlinkSync(join(repoRoot, 'node_modules', name), join(scratch, 'node_modules', name));
  }
}

const manifest = () => JSON.parse(readFileSync(join(scratch, 'node_modules/.cache/govlens/manifest.json'), 'utf8'));
const help = () => {
  const r = spawnSync(process.execPath, [join(scratch, 'bin/govlens.mjs'), '--help'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('bin/govlens.mjs bundle cache', () => {
  it('rebuilds after a source edit, even one that keeps the file size, and reuses the bundle after that', () => {
    setUpScratchRepo();
    expect(help()).toContain('Usage: govlens <command>');
    const first = manifest().dir;
    expect(manifest().inputs['src/cli/args.ts']).toBeTruthy();

    const argsPath = join(scratch, 'src/cli/args.ts');
    const source = readFileSync(argsPath, 'utf8');
    const edited = source.replace('Usage: govlens <command>', 'Usage: GOVLENS <command>');
    expect(edited).not.toBe(source);
    expect(edited.length).toBe(source.length);
    writeFileSync(argsPath, edited);
    // A different mtime, old enough that the launcher records the new bundle.
    const past = new Date(Date.now() - 30_000);
    utimesSync(argsPath, past, past);

    expect(help()).toContain('Usage: GOVLENS <command>');
    const second = manifest().dir;
    expect(second).not.toBe(first);
    expect(help()).toContain('Usage: GOVLENS <command>');
    expect(manifest().dir).toBe(second);
  });
});
