import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, fingerprint, similarity } from '../../src/core/fingerprint';

const seedDir = join(__dirname, '../../seeds');
const seed = (n: string) => readFileSync(join(seedDir, readdirSync(seedDir).find((f) => f.startsWith(n))!), 'utf8');

describe('fingerprint/similarity', () => {
  const s000 = seed('000_');
  const s003 = seed('003_');

  it('recognises a mirror with other chrome and whitespace as the same report', () => {
    const body = s000.split('\n').slice(6).join('\n'); // drop the original header lines
    const mirror =
      '首页 > 政务公开 > 政府工作报告\n当前位置:首页 | 无障碍 | 繁体版\n' +
      body.replace(/\n\s+/g, '\n').replace(/,/g, ',').replace(/ {2,}/g, ' ') +
      '\n主办单位:某某市人民政府办公室 版权所有 网站标识码 3502000000 ICP备案号';
    expect(mirror).not.toBe(s000);
    const sim = similarity(fingerprint(s000), fingerprint(mirror));
    expect(sim).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps different reports apart', () => {
    expect(similarity(fingerprint(s000), fingerprint(s003))).toBeLessThan(0.2);
    for (const [a, b] of [['001_', '002_'], ['002_', '004_'], ['001_', '004_']]) {
      expect(similarity(fingerprint(seed(a)), fingerprint(seed(b)))).toBeLessThan(0.2);
    }
  });

  it('is 1 for identical texts and 0 without Han characters', () => {
    const fp = fingerprint(s003);
    expect(similarity(fp, fp)).toBe(1);
    expect(fingerprint('hello world 123')).toBe('');
    expect(similarity(fingerprint('hello'), fp)).toBe(0);
  });

  it('drops half of a report → similarity near one half', () => {
    const half = s000.slice(0, Math.floor(s000.length / 2));
    const sim = similarity(fingerprint(s000), fingerprint(half));
    expect(sim).toBeGreaterThan(0.3);
    expect(sim).toBeLessThan(0.7);
  });
});

describe('canonicalUrl', () => {
  it('drops fragment, tracking parameters and index.html', () => {
    expect(canonicalUrl('https://www.gov.cn/zhengce/index.html?utm_source=x&spm=a.b&from=timeline#top')).toBe(
      'https://www.gov.cn/zhengce/',
    );
    expect(canonicalUrl('https://Example.GOV.cn/a/b/content_123.htm?id=5&utm_medium=m')).toBe(
      'https://example.gov.cn/a/b/content_123.htm?id=5',
    );
  });
  it('keeps meaningful parameters in a stable order', () => {
    expect(canonicalUrl('http://x.gov.cn/p?b=2&a=1')).toBe(canonicalUrl('http://x.gov.cn/p?a=1&b=2'));
    expect(canonicalUrl('http://x.gov.cn/p?id=1')).not.toBe(canonicalUrl('http://x.gov.cn/p?id=2'));
  });
  it('returns non-URLs trimmed', () => {
    expect(canonicalUrl('  not a url ')).toBe('not a url');
  });
});
