// Reads the behavioural report of one library: per case, whether the regenerated sync API did what the
// async source does (the twin's contract), what the hand-written sync API does, and whether the
// hand-written one itself agrees with the async API. A difference from the source is a wrong twin unless
// the library spec explains it (`explained: { case: 'why' }`), and the explanation is printed with it.
import { canonical } from './outcome.mjs';

export function compareCases(report, spec) {
  const explained = spec.explained ?? {};
  const out = {
    total: report.cases.length,
    sameAsAsync: 0,
    sameAsPublished: 0,
    publishedSameAsAsync: 0,
    wrong: [],
    explained: [],
    publishedDiffers: [],
    staleExplanations: [],
    exports: report.exports,
    loadError: report.loadError,
  };
  if (report.loadError) out.wrong.push({ name: 'loading the assembled package', detail: report.loadError });
  for (const problem of report.exports) out.wrong.push({ name: 'exports', detail: problem });
  for (const { name, outcomes } of report.cases) {
    const [a, p, t] = [outcomes.async, outcomes.published, outcomes.twin].map(canonical);
    if (t === a) out.sameAsAsync += 1;
    if (t === p) out.sameAsPublished += 1;
    if (p === a) out.publishedSameAsAsync += 1;
    else out.publishedDiffers.push({ name, outcomes });
    if (t !== a) {
      if (explained[name] !== undefined) out.explained.push({ name, why: explained[name], outcomes });
      else out.wrong.push({ name, outcomes });
    }
  }
  for (const name of Object.keys(explained)) {
    if (!out.explained.some((e) => e.name === name)) out.staleExplanations.push(name);
  }
  return out;
}
