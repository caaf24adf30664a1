import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createUnplugin,
  type UnpluginBuildContext,
  type UnpluginContext,
  type UnpluginFactory,
  type UnpluginOptions,
} from 'unplugin';
import { type AnysyncPluginOptions, checkPluginOptions } from './plugin-options.js';
import { resolveTwinsInEsbuild } from './esbuild-twins.js';
import { emitTwinDeclarations } from './twin-declarations.js';
import { withTwinEntries } from './twin-entries.js';
import { twinMessages } from './twin-messages.js';
import { TwinProject } from './twin-project.js';
import { mountTwins } from './webpack-twins.js';

type HookContext = UnpluginBuildContext & UnpluginContext;

/** Specifiers that name a file: relative, absolute (POSIX or Windows) or a `file:` URL. */
const FILE_SPECIFIER = /^(?:\.{1,2}[\\/]|\/|[A-Za-z]:[\\/]|file:)/;

/**
 * The one plugin behind every bundler's adapter: it serves the twin of an async source, generated in
 * memory, wherever the twin's path is imported. Rollup, Vite, Rolldown and esbuild resolve twin paths
 * through `resolveId`; webpack and Rspack see the twins as files of an in-memory file system at their
 * real paths, so that their own rules and resolution apply to them as to any other module.
 */
export const anysyncUnplugin: UnpluginFactory<AnysyncPluginOptions | undefined, false> = (raw, meta) => {
  const options = checkPluginOptions(raw);
  const webpackLike = meta.framework === 'webpack' || meta.framework === 'rspack';
  const rollupLike = ['rollup', 'vite', 'rolldown'].includes(meta.framework);
  if (options.twinEntryName !== undefined && !rollupLike) {
    throw new TypeError(
      `anysync: the plugin option \`twinEntries\` is for Rollup, Vite and Rolldown; with ${meta.framework}, ` +
        'name the twin path among the entry points (it resolves through the plugin)',
    );
  }
  let root = options.root;
  let project: TwinProject | undefined;
  let serving = true;
  const theProject = () => {
    project ??= new TwinProject({ root: path.resolve(root ?? process.cwd()), config: options.config });
    return project;
  };
  const refresh = async () => {
    const current = theProject();
    current.invalidate();
    await current.refresh();
    return current;
  };

  const plugin: UnpluginOptions = {
    name: 'anysync',
    enforce: 'pre',
    async buildStart(...args: unknown[]) {
      // webpack and Rspack convert before each compilation (see mountTwins).
      if (webpackLike) return;
      root ??= (args[0] as { cwd?: string } | undefined)?.cwd;
      await refresh();
    },
    loadInclude(id) {
      return project?.twinAt(cleanId(id)) !== undefined;
    },
    load(this: HookContext, id) {
      const current = theProject();
      const twin = current.twinAt(cleanId(id));
      if (twin === undefined) return null;
      for (const source of current.sources) this.addWatchFile(source);
      if (current.configFile !== undefined) this.addWatchFile(current.configFile);
      const { error, warnings } = twinMessages(twin, current.config.root);
      for (const warning of warnings) this.warn(warning);
      if (error !== undefined || twin.code === undefined) {
        this.error(error ?? `anysync: cannot build ${twin.target}`);
        // Rollup's `error` throws; esbuild's adapter only reports errors that come with a result.
        return { code: '' };
      }
      // webpack takes a loader's `sources` as they are: they must be absolute to be found.
      const map =
        webpackLike && twin.map !== undefined
          ? {
              ...twin.map,
              sources: twin.map.sources.map((source) => path.resolve(path.dirname(twin.target), source)),
            }
          : twin.map;
      return { code: twin.code, map: map ?? null };
    },
    watchChange(id) {
      if (project === undefined) return;
      const file = path.resolve(id);
      if (file === project.configFile) project.invalidate(true);
      else if (project.sources.includes(file) || project.twinAt(file) !== undefined) project.invalidate();
    },
    vite: {
      configResolved(config) {
        root ??= config.root;
        serving = config.command === 'build';
      },
    },
    esbuild: {
      config(initial) {
        root ??= initial.absWorkingDir;
      },
    },
  };
  const dts = options.dts;
  if (dts !== undefined) {
    plugin.writeBundle = async () => {
      if (!serving) return;
      await emitTwinDeclarations({
        root: path.resolve(root ?? process.cwd()),
        ...(options.config === undefined ? {} : { config: options.config }),
        ...(dts === '' ? {} : { tsconfig: dts }),
      });
    };
  }
  const twinEntryName = options.twinEntryName;
  if (twinEntryName !== undefined) {
    const addTwinEntries = async <T extends { input?: unknown; cwd?: unknown }>(input: T) => {
      if (!serving) return null;
      if (typeof input.cwd === 'string') root ??= input.cwd;
      const current = theProject();
      await current.refresh();
      const record = withTwinEntries(input.input, current, twinEntryName);
      return record === undefined ? null : { ...input, input: record };
    };
    plugin.rollup = { options: addTwinEntries };
    plugin.rolldown = { options: addTwinEntries as never };
    plugin.vite = { ...plugin.vite, options: addTwinEntries };
  }
  const resolveTwin = (id: string, importer: string | undefined) => {
    if (project === undefined || id.includes('\0') || id.includes('?')) return undefined;
    // A bare specifier names a package, except for an entry named from the working directory.
    if (importer !== undefined && !FILE_SPECIFIER.test(id)) return undefined;
    const file = id.startsWith('file:') ? fileURLToPath(id) : id;
    const base = importer === undefined ? project.config.root : path.dirname(cleanId(importer));
    const twin = project.resolveTwin(path.resolve(base, file));
    // Vite serves files by their path from the root: `/src/_sync/x.ts`.
    return twin ?? (file.startsWith('/') ? project.resolveTwin(path.join(root ?? '', file)) : undefined);
  };
  if (meta.framework === 'esbuild') {
    // In esbuild's own `file` namespace, so that a twin's imports resolve as a TypeScript file's do.
    plugin.esbuild = {
      ...plugin.esbuild,
      setup(build) {
        resolveTwinsInEsbuild(build, () => project, resolveTwin);
      },
    };
  } else if (!webpackLike) {
    // Entries may be named relative to the working directory without `./` (`src/sync/index.ts`).
    plugin.resolveId = (id, importer) => resolveTwin(id, importer)?.target ?? null;
  } else {
    const mount = (compiler: Parameters<typeof mountTwins>[0]) => {
      root ??= compiler.options.context;
      mountTwins(compiler, meta.framework as 'webpack' | 'rspack', refresh);
    };
    plugin.webpack = mount;
    plugin.rspack = mount;
  }
  return plugin;
};

/** A module id without the query or hash bundlers may add. */
function cleanId(id: string): string {
  const cut = id.search(/[?#]/);
  return cut === -1 ? id : id.slice(0, cut);
}

/** The plugin for each bundler, from the one factory. */
export const anysyncPlugins = createUnplugin<AnysyncPluginOptions | undefined, false>(anysyncUnplugin);
