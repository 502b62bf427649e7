/**
 * Repeated measurements of one size (`--repeat N`), combined into one figure each: the median
 * wall time and the median of the paired lakemesh/floor ratios, so that one slow minute of a
 * drifting machine does not decide a target.
 */
import type { SynthFigures } from './bench-size';

/** One round: lakemesh, then (or before) the floor, run back to back. */
export interface Round {
  readonly app: SynthFigures;
  readonly floor?: SynthFigures;
}

export interface CombinedRounds {
  readonly app: SynthFigures;
  readonly floor?: SynthFigures;
  /** Median of app wall / floor wall over the rounds where both ran to their end. */
  readonly ratio?: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Only comparable when both synths ran to the end (validation errors included). */
export function pairRatio(lakemesh: SynthFigures, floor: SynthFigures | undefined): number | undefined {
  if (floor === undefined || !lakemesh.completed || !floor.completed || lakemesh.wallSeconds === undefined || !floor.wallSeconds) return undefined;
  return lakemesh.wallSeconds / floor.wallSeconds;
}

/**
 * One figure per synth from `rounds` (the first is the run whose assembly was read). With one
 * round, its figures as they are. With more: the first round's phases and error, `ok` only when
 * every round was, the median wall time over the rounds that ran to their end (all of them listed
 * in `roundSeconds`), the highest peak RSS.
 */
export function combineRounds(rounds: readonly Round[]): CombinedRounds {
  if (rounds.length === 0) throw new Error('no rounds to combine');
  const ratios = rounds.map((round) => pairRatio(round.app, round.floor)).filter((ratio): ratio is number => ratio !== undefined);
  const floors = rounds.map((round) => round.floor).filter((floor): floor is SynthFigures => floor !== undefined);
  return {
    app: combineFigures(rounds.map((round) => round.app)),
    floor: floors.length === 0 ? undefined : combineFigures(floors),
    ratio: ratios.length === 0 ? undefined : median(ratios),
  };
}

function combineFigures(runs: readonly SynthFigures[]): SynthFigures {
  const [first] = runs;
  if (runs.length === 1) return first;
  const seconds = runs.filter((run) => run.completed && run.wallSeconds !== undefined).map((run) => run.wallSeconds!);
  const peaks = runs.map((run) => run.peakRssMb).filter((peak): peak is number => peak !== undefined);
  const failed = runs.find((run) => !run.ok);
  const error = first.error ?? failed?.error;
  return {
    ...first,
    ok: failed === undefined,
    wallSeconds: seconds.length === 0 ? first.wallSeconds : median(seconds),
    peakRssMb: peaks.length === 0 ? undefined : Math.max(...peaks),
    roundSeconds: seconds,
    ...(error === undefined ? {} : { error }),
  };
}
