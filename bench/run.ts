/**
 * `npm run bench`: Node benchmarks of the shared core, reader data, then the
 * built extension in Chromium. BENCH_ONLY=<section id> runs one section.
 */
import { runNodeBenchmarks } from './node';
import { runBrowserBenchmarks, runScriptTimeBenchmarks } from './browser';
import { runStorageBenchmarks } from './storage';
import { cpus, loadavg } from 'node:os';
import { runLibraryBenchmarks } from './library';
import { runSyncBenchmarks } from './sync';
import { printTable, type BenchRow } from './util';

const SECTIONS: [id: string, title: string, run: () => Promise<BenchRow[]>][] = [
  ['node', 'Node (shared core)', runNodeBenchmarks],
  ['storage', 'Reader data (Dexie on fake-indexeddb)', runStorageBenchmarks],
  ['sync', 'Sync through WebDAV on loopback (Apache mod_dav_fs, rclone; Dexie on fake-indexeddb)', runSyncBenchmarks],
  ['browser', 'Chromium (built extension)', runBrowserBenchmarks],
  ['script-time', 'Chromium: content-script time on pages that are not reports (trace)', runScriptTimeBenchmarks],
  ['library', 'Chromium: large libraries (10,000 notes on one report; 100,000 over 1,000 reports)', runLibraryBenchmarks],
];

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  // Figures depend on the machine: say which (the README quotes them with the core count).
  console.log(`# machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const [id, title, run] of SECTIONS) {
    if (only && only !== id) continue;
    console.log(`\n# ${title}`);
    printTable(await run());
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
