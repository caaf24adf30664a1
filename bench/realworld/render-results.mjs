// bench/results/realworld.md: the summary table, then per library what was removed, the config, the
// generator's diagnostics, the typecheck and every behavioural difference with the three outcomes.

const cell = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
const short = (value, max = 700) => {
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
};

export function renderResults(results, facts) {
  const lines = [
    '# Real-world run: regenerating the sync half of published libraries',
    '',
    `Machine: ${facts.machine} · Runtime: Node ${facts.node} · Commit: ${facts.commit} · Date: ${facts.date} · ` +
      `Load average (1 min): ${facts.load}`,
    '',
    'Each library is fetched from the npm registry at run time into a temporary directory (never committed).',
    'Its hand-written sync half is removed from a copy, regenerated from the async half by',
    '`packages/codegen/bin/anysync.js generate` with the config shown, then `anysync check` runs. When the',
    'twin is written with exit 0, it is typechecked next to its source (TypeScript, `checkJs`, the',
    "library's `.d.ts` files and `@types/node`), put back into the copy in place of the hand-written half,",
    'and every behavioural case runs three times on fresh real directories: the published async API (the',
    "twin's source: the reference), the published sync API, and the regenerated sync API. Outcomes compare",
    'values (paths under the run directory written `<root>`), errors (class, code, message, errno, syscall,',
    'path and own fields), what is left on disk, and unhandled rejections. A sync call that returns a',
    'promise fails its case.',
    '',
    '| Library | How it is written | Generate | Errors (rule: count) | Config needed | Source changes | Typecheck (twin vs source) | Twin = async source | Twin = published sync | Published sync = async | Verdict |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) lines.push(summaryRow(r));
  lines.push('');
  const wrong = results.filter((r) => r.wrongTwin);
  const withExit0 = wrong.filter((r) => r.generated?.exitCode === 0);
  lines.push(
    `Runs with a wrong twin written by \`anysync generate\` with exit 0: ${withExit0.length} of ${results.length}` +
      (withExit0.length ? ` (${withExit0.map((r) => r.spec.name).join(', ')})` : '') +
      `; with a wrong twin written next to refused files (exit 1): ${wrong.length - withExit0.length}` +
      (wrong.length > withExit0.length
        ? ` (${wrong
            .filter((r) => !withExit0.includes(r))
            .map((r) => r.spec.name)
            .join(', ')})`
        : '') +
      '. Each is reduced to a minimal reproduction in `bench/realworld/findings.md`.',
  );
  lines.push('');
  lines.push(
    'Rerun: `npm run bench:realworld` (builds, then `node bench/realworld/run.mjs`; one library: add its name).',
  );
  for (const r of results) lines.push('', ...details(r));
  return `${lines.join('\n')}\n`;
}

function summaryRow(r) {
  const { spec, generated, typecheck, behaviour } = r;
  const errors = generated ? ruleCounts(generated.diagnostics.filter((d) => d.severity === 'error')) : '—';
  const links = generated?.linked.length ?? 0;
  const generate = generated
    ? `exit ${generated.exitCode}${links ? ` (${links} excluded file${links === 1 ? '' : 's'} linked: finding 1)` : ''}`
    : '—';
  const types = typecheck
    ? `${typecheck.twin} vs ${typecheck.source}${typecheck.twinOnly.length ? ' (new errors)' : ''}`
    : '—';
  const ratio = (n) => (behaviour && !behaviour.crashed ? `${n}/${behaviour.total}` : '—');
  return `| ${cell(`${spec.name}@${spec.version}`)} | ${cell(spec.style)} | ${generate} | ${cell(errors || 'none')} | ${cell(configSummary(spec.config ?? {}))} | ${sourceChanges(spec)} | ${types} | ${ratio(behaviour?.sameAsAsync)} | ${ratio(behaviour?.sameAsPublished)} | ${ratio(behaviour?.publishedSameAsAsync)} | ${cell(r.verdict)} |`;
}

function sourceChanges(spec) {
  const count = (spec.adapt ?? []).reduce(
    (n, a) => n + (a.edits ?? []).length + Object.keys(a.files ?? {}).length,
    0,
  );
  return count === 0 ? 'none' : `${count} edit${count === 1 ? '' : 's'}`;
}

function ruleCounts(diagnostics) {
  const counts = new Map();
  for (const d of diagnostics) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  return [...counts].map(([rule, n]) => `${rule}: ${n}`).join(', ');
}

function configSummary(config) {
  const parts = [];
  const renames = Object.keys(config.names?.renames ?? {}).length;
  if (renames) parts.push(`${renames} rename${renames === 1 ? '' : 's'}`);
  for (const key of Object.keys(config.names ?? {}).filter((k) => k !== 'renames'))
    parts.push(`names.${key}`);
  const mapped = Object.keys(config.mappings ?? {});
  if (mapped.length) parts.push(`mappings: ${mapped.join(', ')}`);
  for (const key of Object.keys(config).filter((k) => k !== 'names' && k !== 'mappings')) parts.push(key);
  return parts.join('; ') || 'none';
}

function details(r) {
  const { spec, prepared, generated, typecheck, behaviour } = r;
  const out = [`## ${spec.name}@${spec.version}`, '', `${spec.style}. Verdict: **${r.verdict}**.`, ''];
  if (spec.notes) out.push(spec.notes, '');
  if (!prepared) return out;
  const deps = Object.entries(prepared.dependencies)
    .map(([n, v]) => `${n}@${v}`)
    .join(', ');
  out.push(`Dependencies as installed: ${deps || 'none'}.`, '');
  out.push('Sync half removed:', '');
  for (const file of prepared.removedFiles) out.push(`- \`${file}\` (the whole file)`);
  for (const s of prepared.stripped) {
    const pruned = s.prunedImports.length ? `; imports left unused: ${s.prunedImports.join(', ')}` : '';
    out.push(`- \`${s.file}\`: ${s.removed.join(', ')}${pruned}`);
  }
  for (const a of prepared.adapted) {
    out.push('', `Source change: ${a.why}`, '');
    for (const [file, text] of Object.entries(a.files ?? {}))
      out.push(`- new file \`${file}\`: \`${cell(text.trim())}\``);
    for (const e of a.edits ?? []) out.push(`- \`${e.file}\`: \`${cell(e.find)}\` → \`${cell(e.replace)}\``);
  }
  out.push('', 'Config (`pkg/` is the copy of the package, `twin/` the output):', '', '```json');
  out.push(JSON.stringify(generated.config, null, 2), '```', '');
  out.push(`\`anysync generate\`: exit ${generated.exitCode}, \`${generated.summary}\`. `);
  out.push(
    `\`anysync check\` afterwards: exit ${generated.check.exitCode}, \`${generated.check.summary}\`.`,
    '',
  );
  if (generated.diagnostics.length > 0) {
    out.push('Diagnostics:', '');
    for (const d of generated.diagnostics)
      out.push(`- \`${d.file}:${d.line}:${d.column}\` ${d.severity}[${d.rule}]: ${d.message}`);
    out.push('');
  }
  if (typecheck) {
    out.push(`Typecheck: ${typecheck.source} diagnostic(s) in the source, ${typecheck.twin} in the twin.`);
    for (const d of typecheck.twinOnly)
      out.push(`- new in the twin: \`${d.file}:${d.line}:${d.column}\` TS${d.code}: ${d.message}`);
    out.push('');
  }
  if (r.unusable?.length > 0)
    out.push(
      `Written, but importing the twin of a refused file, so not tested: ${r.unusable.map((f) => `\`${f}\``).join(', ')}.`,
      '',
    );
  if (r.skippedCases?.length > 0)
    out.push(`Cases not run (they need a twin that was not written): ${r.skippedCases.join('; ')}.`, '');
  if (r.restored?.length > 0)
    out.push(
      `Refused, so the hand-written sync half stays: ${r.restored.map((x) => `\`${x}\``).join('; ')}.`,
      '',
    );
  if (r.assembled) out.push(`Put back: ${r.assembled.map((a) => `\`${a}\``).join('; ')}`, '');
  if (behaviour?.crashed) out.push('Behavioural suite crashed:', '', '```text', behaviour.crashed, '```', '');
  if (behaviour && !behaviour.crashed) {
    out.push(
      `Behaviour: ${behaviour.total} cases; the twin did what the async source does in ${behaviour.sameAsAsync}, ` +
        `what the published sync API does in ${behaviour.sameAsPublished}; the published sync API did what ` +
        `the async one does in ${behaviour.publishedSameAsAsync}.`,
      '',
    );
    for (const w of behaviour.wrong) {
      out.push(`- **differs from the source**: ${w.name}`);
      if (w.detail) out.push(`  - ${short(w.detail)}`);
      else pushOutcomes(out, w.outcomes);
    }
    for (const e of behaviour.explained) {
      out.push(`- differs from the source, explained: ${e.name} — ${e.why}`);
      pushOutcomes(out, e.outcomes);
    }
    for (const p of behaviour.publishedDiffers) {
      out.push(`- the hand-written sync API differs from the async one: ${p.name}`);
      pushOutcomes(out, p.outcomes);
    }
    for (const name of behaviour.staleExplanations)
      out.push(`- the spec explains a difference in "${name}" that did not occur`);
  }
  return out;
}

function pushOutcomes(out, outcomes) {
  for (const color of ['async', 'published', 'twin'])
    out.push(`  - ${color}: \`${short(withoutTree(outcomes[color]))}\``);
  const trees = new Set(['async', 'published', 'twin'].map((c) => JSON.stringify(outcomes[c].tree)));
  if (trees.size > 1) {
    for (const color of ['async', 'published', 'twin'])
      out.push(`  - ${color}, on disk after: \`${short(outcomes[color].tree, 500)}\``);
  }
}

function withoutTree(outcome) {
  const { tree, ...rest } = outcome;
  return rest;
}
