// `npm run docs`: the guides and the API reference as one static site, built by TypeDoc from the JSDoc of
// every publishable package and the Markdown pages (README, CONTRIBUTING, docs/guide/*.md). Writes
// docs/site/ (or --out DIR) and, with --json FILE, TypeDoc's JSON model of the reference (the docs test
// checks every public export against it).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { Application, Converter, LogLevel, ReflectionKind } from 'typedoc';
import { referenceEntries } from './reference-entries.mjs';
import { stageMarkdown } from './stage-markdown.mjs';

const root = resolve(new URL('../..', import.meta.url).pathname);
const { values } = parseArgs({ options: { out: { type: 'string' }, json: { type: 'string' } } });
const out = resolve(values.out ?? join(root, 'docs/site'));
const repositoryUrl = 'https://github.com/anysync/anysync';

const stage = join(root, '.cache/docs-stage');
rmSync(stage, { recursive: true, force: true });
const { pages } = stageMarkdown(root, stage, repositoryUrl);
const entries = referenceEntries(root);

// One program over every entry point, with the repository's compiler options.
const tsconfig = join(stage, 'tsconfig.json');
writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: join(root, 'tsconfig.base.json'),
    compilerOptions: { noEmit: true, composite: false, incremental: false, declarationMap: false },
    files: entries.map((entry) => entry.file),
  }),
);
mkdirSync(out, { recursive: true });

const app = await Application.bootstrapWithPlugins({
  name: 'anysync',
  tsconfig,
  entryPoints: entries.map((entry) => entry.file),
  entryPointStrategy: 'resolve',
  readme: join(stage, 'README.md'),
  projectDocuments: pages.filter((page) => page !== 'README.md').map((page) => join(stage, page)),
  out,
  excludePrivate: true,
  excludeInternal: true,
  // Source links point at the main branch on the repository host, without asking git (a fresh clone in CI
  // and a worktree give the same site); they are set per source below.
  sourceLinkTemplate: `${repositoryUrl}/blob/main/{path}#L{line}`,
  disableGit: true,
  headings: { readme: false, document: false },
  highlightLanguages: ['bash', 'sh', 'javascript', 'js', 'typescript', 'ts', 'json', 'jsonc', 'text', 'diff'],
  navigationLinks: { GitHub: repositoryUrl },
  navigation: { includeGroups: true, includeCategories: false, includeFolders: true },
  groupOrder: ['Guides', 'Modules', '*', 'Project'],
  favicon: join(root, 'docs/assets/favicon.svg'),
  searchInDocuments: true,
  hideGenerator: true,
  githubPages: false,
  treatWarningsAsErrors: true,
  validation: {
    notExported: false,
    invalidLink: true,
    invalidPath: true,
    rewrittenLink: true,
    notDocumented: false,
  },
  logLevel: LogLevel.Warn,
});

// Modules are named as users import them, not by their path in this repository.
const specifierOf = new Map(entries.map((entry) => [resolve(entry.file), entry.specifier]));
app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
  if (!reflection.kindOf(ReflectionKind.Module)) return;
  const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
  const specifier = file === undefined ? undefined : specifierOf.get(resolve(file));
  if (specifier !== undefined) reflection.name = specifier;
});

// "Defined in" links to this repository's files only: members inherited from the TypeScript and Node
// libraries (an Error's `cause`) keep their file name without a link to somewhere it is not.
app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
  for (const reflection of Object.values(context.project.reflections)) {
    for (const source of reflection.sources ?? []) {
      const file = relative(root, source.fullFileName);
      const inRepository = !file.startsWith('..') && !file.split(sep).includes('node_modules');
      source.url = inRepository
        ? `${repositoryUrl}/blob/main/${file.split(sep).join('/')}#L${source.line}`
        : undefined;
    }
  }
});

const project = await app.convert();
if (!project || app.logger.hasErrors()) {
  console.error('docs: the reference could not be built (see the errors above)');
  process.exit(1);
}
await app.generateDocs(project, out);
if (values.json) await app.generateJson(project, resolve(values.json));
if (app.logger.hasErrors() || app.logger.hasWarnings()) {
  console.error('docs: warnings or errors while writing the site (see above)');
  process.exit(1);
}
console.log(`docs: ${pages.length} pages and ${entries.length} modules → ${out}`);
