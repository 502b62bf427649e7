/**
 * The scale targets of the issue "Scale", checked against the benchmark's figures. A target whose
 * sizes were not run is SKIP; one whose size did not synthesize is FAIL. A synth that ran to its end
 * but reported validation errors (template rules, compliance packs) still has comparable times:
 * the ratio and growth targets judge them, noting the errors; "L synthesizes" needs a clean synth.
 */
import { SizeResult } from './bench-size';

export const TARGETS = {
  /** L synthesizes in under this many seconds (wall time of the app synth, packs on). */
  largeSeconds: 60,
  /** …with a peak RSS under this many MiB (4 GiB). */
  largeRssMb: 4 * 1024,
  /** lakemesh time ≤ this × the CDK floor's, for every size. */
  floorRatio: 1.5,
  /** time(L)/time(M) ≤ this × resources(L)/resources(M). */
  linearSlack: 1.2,
  /** No stack over this many resources… */
  stackResources: 450,
  /** …or this many bytes (800 KiB; CloudFormation's limit is 1 MiB). */
  stackBytes: 800 * 1024,
} as const;

export type TargetStatus = 'PASS' | 'FAIL' | 'SKIP';

export interface TargetResult {
  readonly id: string;
  readonly description: string;
  readonly status: TargetStatus;
  /** The measured figures behind the status. */
  readonly detail: string;
}

export function checkTargets(results: readonly SizeResult[]): TargetResult[] {
  const bySize = new Map(results.map((result) => [result.size.name, result]));
  const large = bySize.get('L');
  const medium = bySize.get('M');
  return [
    largeTime(large),
    largeMemory(large),
    floorRatio(results),
    linearGrowth(medium, large),
    stackLimits(results),
  ];
}

function largeTime(large: SizeResult | undefined): TargetResult {
  const target = { id: 'large-time', description: `L synthesizes in under ${TARGETS.largeSeconds} s` };
  if (large === undefined) return { ...target, status: 'SKIP', detail: 'L was not run' };
  if (!large.app.ok || large.app.wallSeconds === undefined) return { ...target, status: 'FAIL', detail: `L did not synthesize: ${large.app.error}` };
  // The floor's own time says how much of the target is within lakemesh's reach.
  const floor = large.floor?.completed && large.floor.wallSeconds !== undefined ? ` (the CDK floor alone: ${large.floor.wallSeconds.toFixed(1)} s)` : '';
  return judge(target, large.app.wallSeconds < TARGETS.largeSeconds, `${large.app.wallSeconds.toFixed(1)} s${floor}`);
}

function largeMemory(large: SizeResult | undefined): TargetResult {
  const target = { id: 'large-memory', description: `L peak RSS under ${TARGETS.largeRssMb / 1024} GB` };
  if (large === undefined) return { ...target, status: 'SKIP', detail: 'L was not run' };
  if (large.app.peakRssMb === undefined) return { ...target, status: 'FAIL', detail: `no figure: ${large.app.error}` };
  const within = large.app.peakRssMb < TARGETS.largeRssMb;
  const suffix = large.app.ok ? '' : ` (synth failed: ${large.app.error})`;
  return judge(target, within && large.app.ok, `${Math.round(large.app.peakRssMb)} MB${suffix}`);
}

function floorRatio(results: readonly SizeResult[]): TargetResult {
  const target = { id: 'floor-ratio', description: `lakemesh time ≤ ${TARGETS.floorRatio} × the CDK floor, every size` };
  if (results.length === 0) return { ...target, status: 'SKIP', detail: 'no size was run' };
  const parts = results.map((result) => {
    if (!result.app.completed) return { ok: false, text: `${result.size.name} did not synthesize` };
    if (result.ratio === undefined) return { ok: false, text: `${result.size.name} has no floor figure${result.floor?.error ? ` (${result.floor.error})` : ''}` };
    return { ok: result.ratio <= TARGETS.floorRatio, text: `${result.size.name} ${result.ratio.toFixed(2)}×${validationNote(result)}` };
  });
  return judge(target, parts.every((part) => part.ok), parts.map((part) => part.text).join(', '));
}

function linearGrowth(medium: SizeResult | undefined, large: SizeResult | undefined): TargetResult {
  const target = { id: 'linear-growth', description: `time(L)/time(M) ≤ ${TARGETS.linearSlack} × resources(L)/resources(M)` };
  if (medium === undefined || large === undefined) return { ...target, status: 'SKIP', detail: 'needs both M and L' };
  const m = figures(medium);
  const l = figures(large);
  if (m === undefined || l === undefined) return { ...target, status: 'FAIL', detail: 'M or L did not synthesize' };
  const timeRatio = l.seconds / m.seconds;
  const resourceRatio = l.resources / m.resources;
  const limit = TARGETS.linearSlack * resourceRatio;
  const note = validationNote(medium) || validationNote(large);
  return judge(target, timeRatio <= limit, `time ×${timeRatio.toFixed(2)}, resources ×${resourceRatio.toFixed(2)} (limit ×${limit.toFixed(2)})${note}`);
}

function stackLimits(results: readonly SizeResult[]): TargetResult {
  const target = {
    id: 'stack-limits',
    description: `no stack over ${TARGETS.stackResources} resources or ${TARGETS.stackBytes / 1024} KB, every size`,
  };
  if (results.length === 0) return { ...target, status: 'SKIP', detail: 'no size was run' };
  const parts = results.map((result) => {
    const assembly = result.assembly;
    if (assembly === undefined) return { ok: false, text: `${result.size.name} has no assembly` };
    const resources = assembly.largestByResources.resources;
    const kb = assembly.largestByBytes.templateBytes / 1024;
    return {
      ok: resources <= TARGETS.stackResources && assembly.largestByBytes.templateBytes <= TARGETS.stackBytes,
      text: `${result.size.name} max ${resources} resources, ${Math.round(kb)} KB`,
    };
  });
  return judge(target, parts.every((part) => part.ok), parts.map((part) => part.text).join('; '));
}

/** Times of synths that completed with validation errors still compare; the note says so. */
function validationNote(result: SizeResult): string {
  return result.app.ok ? '' : ' (with validation errors)';
}

function figures(result: SizeResult): { seconds: number; resources: number } | undefined {
  if (!result.app.completed || result.app.wallSeconds === undefined || result.assembly === undefined) return undefined;
  return { seconds: result.app.wallSeconds, resources: result.assembly.totalResources };
}

function judge(target: { id: string; description: string }, pass: boolean, detail: string): TargetResult {
  return { ...target, status: pass ? 'PASS' : 'FAIL', detail };
}
