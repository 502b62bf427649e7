/**
 * The change a re-synth is timed after: one product's contract edited (its description), as a
 * domain team's pull request would. Only that product's templates change; a warm validation cache
 * (lib/app/validation-cache.ts) has the reports of all the others.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SynthFigures } from './bench-size';
import { firstLine } from './measure';

const PURPOSE_LINE = /^( {2}purpose: .*)$/m;

/** Edits the first contract (in path order) under `meshDir`; returns its path. */
export function editOneProduct(meshDir: string): string {
  const file = firstContract(path.join(meshDir, 'contracts'));
  if (file === undefined) throw new Error(`no contract under ${meshDir} to edit`);
  const text = fs.readFileSync(file, 'utf8');
  const edited = text.replace(PURPOSE_LINE, '$1 Edited for the re-synth benchmark.');
  if (edited === text) throw new Error(`no description purpose to edit in ${file}`);
  fs.writeFileSync(file, edited);
  return file;
}

/**
 * Edits one product (`editOneProduct`) under `meshDir`, then runs `synth` and removes its output.
 * An edit that fails is the row's error; `synth` is not run then.
 */
export async function resynthAfterEdit(meshDir: string, synth: () => Promise<{ figures: SynthFigures; outdir: string }>): Promise<SynthFigures> {
  try {
    editOneProduct(meshDir);
  } catch (error) {
    return { ok: false, completed: false, processSeconds: 0, error: `editing a product: ${firstLine(error)}` };
  }
  const { figures, outdir } = await synth();
  fs.rmSync(outdir, { recursive: true, force: true });
  return figures;
}

function firstContract(dir: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = firstContract(full);
      if (found) return found;
    } else if (entry.name.endsWith('.odcs.yaml')) {
      return full;
    }
  }
  return undefined;
}
