import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/generate/unified-diff.js';

describe('unifiedDiff()', () => {
  const labels = { expected: 'a', actual: 'b' };

  it('is empty for equal texts', () => {
    expect(unifiedDiff('x\ny\n', 'x\ny\n', labels)).toBe('');
  });

  it('shows changed lines with context and hunk headers', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n');
    const after = ['1', '2', '3', '4', 'five', '6', '7', '8', '9', '10'].join('\n');
    expect(unifiedDiff(before, after, labels)).toBe(
      ['--- a', '+++ b', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8'].join('\n'),
    );
  });

  it('splits distant changes into separate hunks', () => {
    const lines = Array.from({ length: 30 }, (_, i) => String(i));
    const changed = [...lines];
    changed[2] = 'two';
    changed[25] = 'twenty-five';
    const diff = unifiedDiff(lines.join('\n'), changed.join('\n'), labels);
    expect(diff.match(/^@@/gm)).toHaveLength(2);
    expect(diff).toContain('+two');
    expect(diff).toContain('+twenty-five');
  });

  it('handles insertions and deletions at the ends', () => {
    expect(unifiedDiff('a\nb', 'a\nb\nc', labels)).toBe(
      ['--- a', '+++ b', '@@ -1,2 +1,3 @@', ' a', ' b', '+c'].join('\n'),
    );
    expect(unifiedDiff('x\na', 'a', labels)).toBe(
      ['--- a', '+++ b', '@@ -1,2 +1,1 @@', '-x', ' a'].join('\n'),
    );
  });
});
