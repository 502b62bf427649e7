/** Which mesh.yaml the CDK app builds: `-c lakemesh:config=PATH`, else the embedded example. */
import { App } from 'aws-cdk-lib';
import { DEFAULT_MESH_FILE, displayPath } from '../cli/package-root';

export const CONFIG_CONTEXT_KEY = 'lakemesh:config';

export function meshConfigPath(app: App): string {
  const configured = app.node.tryGetContext(CONFIG_CONTEXT_KEY);
  if (typeof configured === 'string' && configured !== '') return configured;
  return displayPath(DEFAULT_MESH_FILE);
}
