/** `npm run bench`: Node benchmarks of the shared core, then the built extension in Chromium. */
import { runNodeBenchmarks } from './node';
import { runBrowserBenchmarks } from './browser';
import { runStorageBenchmarks } from './storage';
import { printTable } from './util';

async function main(): Promise<void> {
  console.log('# Node (shared core)');
  printTable(await runNodeBenchmarks());
  console.log('\n# Reader data (Dexie on fake-indexeddb)');
  printTable(await runStorageBenchmarks());
  console.log('\n# Chromium (built extension)');
  printTable(await runBrowserBenchmarks());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
