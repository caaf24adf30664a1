/** A workspace that gets published (its package.json is not `private`). */
export interface PublishableWorkspace {
  readonly name: string;
  readonly version: string;
  /** Its folder, absolute. */
  readonly dir: string;
  /** Its folder, relative to the root (`packages/anysync`). */
  readonly location: string;
}

export function publishableWorkspaces(root: string): PublishableWorkspace[];
