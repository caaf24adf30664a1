import { describe, expect, it } from 'vitest';
import { EditSet } from '../../src/edits/edit-set.js';

describe('EditSet', () => {
  it('applies replacements, removals and insertions and keeps everything else byte for byte', () => {
    const edits = new EditSet('async function f() { await g(); }');
    edits.remove(0, 6);
    edits.remove(21, 27);
    edits.insert(33, ' // done');
    expect(edits.render()).toBe('function f() { g(); } // done');
  });

  it('keeps several insertions at one position in the order they were made', () => {
    const edits = new EditSet('x');
    edits.insert(0, 'a');
    edits.insert(0, 'b');
    expect(edits.render()).toBe('abx');
  });

  it('drops edits inside a region that replaces their text, but keeps insertions at its edges', () => {
    const edits = new EditSet('0123456789');
    edits.replace(3, 4, 'X');
    edits.insert(2, '[');
    edits.insert(6, ']');
    edits.replaceRegion(2, 6, 'R');
    expect(edits.render()).toBe('01[R]6789');
  });

  it('refuses overlapping edits instead of producing garbage', () => {
    const edits = new EditSet('0123456789');
    edits.replace(1, 5, 'a');
    edits.replace(3, 7, 'b');
    expect(() => edits.render()).toThrow(/overlapping edits \[1, 5\) and \[3, 7\)/);
  });

  it('accepts the same edit twice', () => {
    const edits = new EditSet('abc');
    edits.replace(1, 2, 'B');
    edits.replace(1, 2, 'B');
    expect(edits.render()).toBe('aBc');
  });

  it('renders a sub-range with only the edits inside it', () => {
    const edits = new EditSet('Promise<T> | T');
    edits.remove(0, 8);
    edits.remove(9, 10);
    expect(edits.render(0, 10)).toBe('T');
    expect(edits.render(13, 14)).toBe('T');
  });

  it('rejects edits outside the text', () => {
    const edits = new EditSet('abc');
    expect(() => edits.replace(2, 5, 'x')).toThrow(RangeError);
  });
});
