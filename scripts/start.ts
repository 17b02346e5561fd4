/**
 * `npm start`: serves the seed pages at their real URLs (host-resolver
 * rules), opens Chromium with the built extension on every seed page, and
 * keeps it open. With no display it runs headless and writes screenshots.
 */
import { chromium } from 'playwright-core';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hostResolverRules, startSeedServer } from '../tests/support/server';

const EXT = resolve('.output/chrome-mv3');
const OUT = resolve('screenshots');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

async function main(): Promise<void> {
  const server = await startSeedServer();
  const profile = await mkdtemp(join(tmpdir(), 'govlens-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      `--host-resolver-rules=${hostResolverRules(server.port)}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--lang=zh-CN',
    ],
  });
  const pages = server.pages.filter((p) => !p.bench);
  if (headless) await mkdir(OUT, { recursive: true });
  for (const entry of pages) {
    const page = await context.newPage();
    await page.goto(entry.url);
    await page
      .waitForSelector(entry.expect === 'report' ? 'html[data-govlens-ms]' : 'html[data-govlens]', { timeout: 30_000 })
      .catch(() => undefined);
    const attrs = await page.evaluate(() =>
      Object.fromEntries([...document.documentElement.attributes].filter((a) => a.name.startsWith('data-govlens')).map((a) => [a.name, a.value])),
    );
    console.log(`${entry.id.padEnd(22)} ${entry.url}\n${' '.repeat(23)}${JSON.stringify(attrs)}`);
    if (headless) {
      const file = join(OUT, `${entry.id}.png`);
      await page.screenshot({ path: file });
    }
  }
  if (headless) {
    console.log(`\nNo display: screenshots written to ${OUT}/`);
    await context.close();
    await server.close();
    return;
  }
  console.log('\nChromium is open with GovLens loaded on the seed pages. Close the window (or press Ctrl+C) to stop.');
  await new Promise<void>((r) => context.on('close', () => r()));
  await server.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
