/**
 * Bundles a Lambda handler written in TypeScript into a directory that `CustomResourceProvider`
 * (or `lambda.Code.fromAsset`) can use. Synth code calls this; handler code never imports it.
 *
 * Why not `NodejsFunction`: it bundles once per function per stack (slow for a large mesh) and
 * its Docker fallback is unusable here. esbuild runs in-process, once per handler per process,
 * and the output directory is named by the bundle's content hash, so asset hashes are stable.
 * The AWS SDK v3 is provided by the Lambda Node.js runtime and is left out of the bundle.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CustomResourceProviderRuntime } from 'aws-cdk-lib';
import { buildSync } from 'esbuild';

const bundled = new Map<string, string>();

/** Syntax target of the bundles; runs unchanged on `HANDLER_RUNTIME`. */
export const HANDLER_NODE_TARGET = 'node20';

/** The runtime of every lakemesh handler (Lambda retired nodejs20.x in 2026). */
export const HANDLER_RUNTIME = CustomResourceProviderRuntime.NODEJS_24_X;

/**
 * Returns a directory holding `index.js` (exporting `handler`) built from `entry`, an absolute path
 * to a `.ts` file. Cached per process.
 */
export function bundledHandlerDirectory(entry: string): string {
  const cached = bundled.get(entry);
  if (cached) return cached;
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: HANDLER_NODE_TARGET,
    format: 'cjs',
    external: ['@aws-sdk/*'],
    write: false,
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const directory = path.join(os.tmpdir(), 'lakemesh-handlers', `${path.basename(entry, '.ts')}-${hash}`);
  const target = path.join(directory, 'index.js');
  if (!fs.existsSync(target)) {
    fs.mkdirSync(directory, { recursive: true });
    // Write then rename, so a parallel synth never sees a half-written bundle.
    const partial = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, target);
  }
  bundled.set(entry, directory);
  return directory;
}
