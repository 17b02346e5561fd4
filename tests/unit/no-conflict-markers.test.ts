/**
 * A merge once committed conflict markers into assets/css/base.css: the browser dropped the rules
 * around them (the colour key's layout) without a word. No tracked text file may hold them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const TEXT = /\.(ts|tsx|js|mjs|css|html|json|md|yml|yaml|sh)$/;
const MARKER = /^(<{7}|>{7}) |^={7}$/m;

describe('the tree', () => {
  it('holds no merge conflict markers in any tracked source, style or document', () => {
    const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter((f) => TEXT.test(f) || f === '.ci/run');
    expect(files.length).toBeGreaterThan(100);
    const marked = files.filter((f) => MARKER.test(readFileSync(f, 'utf8')));
    expect(marked).toEqual([]);
  });
});
