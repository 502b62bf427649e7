/** Entry point of the `lakemesh` CLI (started by bin/lakemesh.js). */
import { run } from '../lib/cli/program';

void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
