/**
 * Runs checks in order and prints one line each, then the closing `label: N passed, N failed, N skipped`
 * line. A check with a `skip` reason is not run, and the reason is printed. Returns every outcome.
 */
export async function runChecks(label, checks, print = console.log) {
  const results = [];
  for (const check of checks) {
    if (check.skip) {
      results.push({ name: check.name, status: 'skipped', reason: check.skip });
      print(`  - ${check.name} (skipped: ${check.skip})`);
      continue;
    }
    try {
      await check.run();
      results.push({ name: check.name, status: 'passed' });
      print(`  ✓ ${check.name}`);
    } catch (error) {
      const reason = String(error?.stack ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n    ');
      results.push({ name: check.name, status: 'failed', reason });
      print(`  ✗ ${check.name}\n    ${reason}`);
    }
  }
  const count = (status) => results.filter((result) => result.status === status).length;
  print(`${label}: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
  return results;
}
