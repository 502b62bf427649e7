import { SynthFigures } from '../../bench/bench-size';
import { combineRounds, median, pairRatio } from '../../bench/rounds';

function synth(wallSeconds: number, overrides: Partial<SynthFigures> = {}): SynthFigures {
  return { ok: true, completed: true, wallSeconds, peakRssMb: wallSeconds * 10, processSeconds: wallSeconds + 1, phases: { synth: wallSeconds }, ...overrides };
}

describe('median', () => {
  test('is the middle value of an odd count, the mean of the two middle ones of an even count, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  test('refuses no values', () => {
    expect(() => median([])).toThrow('median of no values');
  });
});

describe('pairRatio', () => {
  test('is lakemesh over floor when both ran to their end', () => {
    expect(pairRatio(synth(12), synth(8))).toBe(1.5);
  });

  test('is undefined without a floor, or when either did not complete', () => {
    expect(pairRatio(synth(12), undefined)).toBeUndefined();
    expect(pairRatio(synth(12, { completed: false }), synth(8))).toBeUndefined();
    expect(pairRatio(synth(12), synth(8, { completed: false }))).toBeUndefined();
  });
});

describe('combineRounds', () => {
  test('one round keeps its figures as they are', () => {
    const app = synth(12);
    const floor = synth(8);
    expect(combineRounds([{ app, floor }])).toEqual({ app, floor, ratio: 1.5 });
  });

  test('several rounds: median times, median of the paired ratios (not the ratio of medians), highest peak RSS, first phases', () => {
    const combined = combineRounds([
      { app: synth(10), floor: synth(10) },
      { app: synth(30), floor: synth(10) },
      { app: synth(20), floor: synth(40) },
    ]);
    expect(combined.app).toEqual({ ...synth(10), wallSeconds: 20, peakRssMb: 300, roundSeconds: [10, 30, 20] });
    expect(combined.floor).toEqual({ ...synth(10), wallSeconds: 10, peakRssMb: 400, roundSeconds: [10, 10, 40] });
    // Ratios 1, 3, 0.5: the median is 1 (the ratio of the medians would be 2).
    expect(combined.ratio).toBe(1);
  });

  test('a failed round makes the figure not ok, with its error; only rounds that completed count in the median and ratio', () => {
    const combined = combineRounds([
      { app: synth(10), floor: synth(5) },
      { app: synth(99, { ok: false, completed: false, error: 'killed after 600 s' }), floor: synth(5) },
      { app: synth(20), floor: synth(5) },
    ]);
    expect(combined.app.ok).toBe(false);
    expect(combined.app.error).toBe('killed after 600 s');
    expect(combined.app.wallSeconds).toBe(15);
    expect(combined.app.roundSeconds).toEqual([10, 20]);
    expect(combined.ratio).toBe(3);
  });

  test('without any floor there is no floor figure and no ratio', () => {
    expect(combineRounds([{ app: synth(10) }, { app: synth(12) }])).toEqual({
      app: { ...synth(10), wallSeconds: 11, peakRssMb: 120, roundSeconds: [10, 12] },
      floor: undefined,
      ratio: undefined,
    });
  });

  test('refuses no rounds', () => {
    expect(() => combineRounds([])).toThrow('no rounds to combine');
  });
});
