import { firstLine, PhaseTimer } from '../../bench/measure';
import { LakemeshError } from '../../lib/errors';

describe('firstLine', () => {
  test('keeps the first line of a long message and says how many followed', () => {
    const error = new LakemeshError([
      { code: 'LM100', path: 'a', message: 'first problem' },
      { code: 'LM101', path: 'b', message: 'second problem' },
    ]);
    expect(firstLine(error)).toBe('LakemeshError: a: first problem [LM100] (+1 more lines)');
  });

  test('leaves out the name of a plain Error', () => {
    expect(firstLine(new Error('\n  boom  \n'))).toBe('boom');
  });

  test('reads anything thrown that is not an Error', () => {
    expect(firstLine('plain text')).toBe('plain text');
  });
});

describe('PhaseTimer', () => {
  test('records each phase and their sum', () => {
    const timer = new PhaseTimer();
    expect(timer.time('one', () => 1)).toBe(1);
    timer.time('two', () => undefined);
    const result = timer.result();
    expect(Object.keys(result.phases)).toEqual(['one', 'two']);
    expect(result.wallSeconds).toBeCloseTo(result.phases.one + result.phases.two, 10);
    expect(result.ok).toBe(true);
    expect(result.maxRssKb).toBeGreaterThan(0);
  });

  test('stops at the first phase that throws and reports its first line', () => {
    const timer = new PhaseTimer();
    timer.time('load', () => {
      throw new Error('mesh.yaml not found\nat line 2');
    });
    let ran = false;
    timer.time('synth', () => (ran = true));
    const result = timer.result();
    expect(ran).toBe(false);
    expect(Object.keys(result.phases)).toEqual(['load']);
    expect(result).toEqual(expect.objectContaining({ ok: false, error: 'mesh.yaml not found (+1 more lines)' }));
  });
});
