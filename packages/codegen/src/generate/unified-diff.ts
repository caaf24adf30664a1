/**
 * A unified diff of two texts by lines (Myers' algorithm), with `context` lines around each change,
 * as `git diff` prints it.
 */
export function unifiedDiff(
  expected: string,
  actual: string,
  labels: { expected: string; actual: string },
  context = 3,
): string {
  const script = editScript(expected.split('\n'), actual.split('\n'));
  const changes = script.flatMap((step, index) => (step.kind === 'same' ? [] : [index]));
  if (changes.length === 0) return '';
  const hunks: [number, number][] = [];
  for (const index of changes) {
    const last = hunks[hunks.length - 1];
    if (last && index - last[1] <= context * 2 + 1) last[1] = index;
    else hunks.push([index, index]);
  }
  const lines = [`--- ${labels.expected}`, `+++ ${labels.actual}`];
  for (const [firstChange, lastChange] of hunks) {
    const hunk = script.slice(
      Math.max(0, firstChange - context),
      Math.min(script.length, lastChange + context + 1),
    );
    const first = hunk[0] as Step;
    const oldCount = hunk.filter((step) => step.kind !== 'insert').length;
    const newCount = hunk.filter((step) => step.kind !== 'delete').length;
    lines.push(`@@ -${first.oldLine + 1},${oldCount} +${first.newLine + 1},${newCount} @@`);
    for (const step of hunk)
      lines.push(`${step.kind === 'same' ? ' ' : step.kind === 'delete' ? '-' : '+'}${step.text}`);
  }
  return lines.join('\n');
}

interface Step {
  readonly kind: 'same' | 'delete' | 'insert';
  readonly text: string;
  readonly oldLine: number;
  readonly newLine: number;
}

function editScript(a: readonly string[], b: readonly string[]): Step[] {
  const max = a.length + b.length;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) {
        found = true;
        break;
      }
    }
  }
  return backtrack(trace, a, b, offset);
}

function backtrack(
  trace: readonly Int32Array[],
  a: readonly string[],
  b: readonly string[],
  offset: number,
): Step[] {
  const steps: Step[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const v = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
    const previousK = down ? k + 1 : k - 1;
    const previousX = v[offset + previousK] ?? 0;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x -= 1;
      y -= 1;
      steps.push({ kind: 'same', text: a[x] ?? '', oldLine: x, newLine: y });
    }
    if (d > 0) {
      if (down) {
        y -= 1;
        steps.push({ kind: 'insert', text: b[y] ?? '', oldLine: x, newLine: y });
      } else {
        x -= 1;
        steps.push({ kind: 'delete', text: a[x] ?? '', oldLine: x, newLine: y });
      }
    }
  }
  return steps.reverse();
}
