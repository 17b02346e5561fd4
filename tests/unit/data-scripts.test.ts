// How the engine asks the background for data scripts (src/page/data-scripts.ts).
import { describe, expect, it, vi } from 'vitest';

const asked: string[] = [];
vi.mock('../../src/shared/messaging', () => ({
  toBackground: vi.fn(async (type: string, payload: { name: string }) => {
    asked.push(`${type}:${payload.name}`);
    // The background injects the script, which sets its global before the reply arrives.
    await new Promise((r) => setTimeout(r, 5));
    if (payload.name === 'pledges') globalThis.__govlensPledges = {} as never;
    return null;
  }),
}));

const { loadPledgeReader, prefetchDataScripts } = await import('../../src/page/data-scripts');

describe('data scripts asked for on demand', () => {
  it('a script prefetched after the first marks and then used is injected once', async () => {
    prefetchDataScripts(['pledges']);
    const [a, b] = await Promise.all([loadPledgeReader(), loadPledgeReader()]);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(asked).toEqual(['page:inject-data:pledges']);
  });
});
