/** Locations inside the lakemesh package, independent of the directory the CLI runs in. */
import * as path from 'node:path';

export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');

/** The embedded example mesh, used when no `--config` is given. */
export const DEFAULT_MESH_FILE = path.join(PACKAGE_ROOT, 'examples', 'retail', 'mesh.yaml');

/** `file` relative to the working directory when it is inside it (shorter messages), else absolute. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
