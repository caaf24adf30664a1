// The hooks `module.register` runs in a thread of its own (Node 20.6 to 22.14, ES modules only).
import { TwinProject, type TwinProjectOptions } from '../build/twin-project.js';
import { TwinLoader } from './twin-loader.js';

interface ResolveContext {
  parentURL?: string | undefined;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string }>;
type NextLoad = (url: string, context: unknown) => Promise<unknown>;

let loader: TwinLoader | undefined;

export async function initialize(options: TwinProjectOptions): Promise<void> {
  const project = new TwinProject(options);
  await project.refresh();
  loader = new TwinLoader(project);
}

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve) {
  const url = loader?.resolve(specifier, context.parentURL);
  if (url !== undefined) return { url, shortCircuit: true };
  try {
    return await next(specifier, context);
  } catch (error) {
    // A source added since the project was converted: its twin is not known yet.
    const retry = loader?.refresh() ? loader.resolve(specifier, context.parentURL) : undefined;
    if (retry === undefined) throw error;
    return { url: retry, shortCircuit: true };
  }
}

export async function load(url: string, context: unknown, next: NextLoad) {
  const twin = loader?.load(url);
  return twin === undefined ? await next(url, context) : { ...twin, shortCircuit: true };
}
