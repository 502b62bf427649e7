import { AssemblyFigures, SizeResult, SynthFigures } from '../../bench/bench-size';
import { MESH_SIZES } from '../../bench/sizes';
import { checkTargets, TargetResult } from '../../bench/targets';

function assembly(resources: number, largest = 400, bytes = 500 * 1024): AssemblyFigures {
  return {
    stacks: 3,
    totalResources: resources,
    largestByResources: { stackName: 'bench-governance', resources: largest },
    largestByBytes: { stackName: 'bench-governance', templateBytes: bytes },
    lakeFormationWrites: 10,
    lakeFormationChainInStack: 5,
    lakeFormationChain: 7,
    perStack: [],
  };
}

function synth(wallSeconds: number, peakRssMb = 1000): SynthFigures {
  return { ok: true, completed: true, wallSeconds, peakRssMb, processSeconds: wallSeconds + 1 };
}

function result(name: 'S' | 'M' | 'L', overrides: Partial<SizeResult> = {}): SizeResult {
  return {
    size: MESH_SIZES[name],
    generateSeconds: 0.1,
    app: synth(10),
    floor: synth(8),
    assembly: assembly(1000),
    ratio: 1.25,
    workDir: '/tmp/x',
    ...overrides,
  };
}

function target(targets: readonly TargetResult[], id: string): Pick<TargetResult, 'status' | 'detail'> {
  const found = targets.find((t) => t.id === id)!;
  return { status: found.status, detail: found.detail };
}

describe('checkTargets', () => {
  test('passes every target when the figures are within them', () => {
    const targets = checkTargets([result('S'), result('M', { app: synth(10), assembly: assembly(10_000) }), result('L', { app: synth(45, 3000), assembly: assembly(40_000) })]);
    expect(targets.map((t) => [t.id, t.status])).toEqual([
      ['large-time', 'PASS'],
      ['large-memory', 'PASS'],
      ['floor-ratio', 'PASS'],
      ['linear-growth', 'PASS'],
      ['stack-limits', 'PASS'],
    ]);
  });

  test('skips the L and growth targets when L was not run', () => {
    const targets = checkTargets([result('S')]);
    expect(target(targets, 'large-time')).toEqual({ status: 'SKIP', detail: 'L was not run' });
    expect(target(targets, 'large-memory')).toEqual({ status: 'SKIP', detail: 'L was not run' });
    expect(target(targets, 'linear-growth')).toEqual({ status: 'SKIP', detail: 'needs both M and L' });
  });

  test('fails L time at 60 s, naming the floor\'s own time, and L memory at 4 GB', () => {
    const targets = checkTargets([result('L', { app: synth(60, 4096), floor: synth(188.9) })]);
    expect(target(targets, 'large-time')).toEqual({ status: 'FAIL', detail: '60.0 s (the CDK floor alone: 188.9 s)' });
    expect(target(targets, 'large-memory')).toEqual({ status: 'FAIL', detail: '4096 MB' });
  });

  test('L time without a floor figure (the floor failed) names the app\'s time alone', () => {
    const failed: SynthFigures = { ok: false, completed: false, processSeconds: 3, error: 'killed after 600 s' };
    const targets = checkTargets([result('L', { app: synth(61), floor: failed, ratio: undefined })]);
    expect(target(targets, 'large-time')).toEqual({ status: 'FAIL', detail: '61.0 s' });
  });

  test('fails the L targets when L did not synthesize', () => {
    const failed: SynthFigures = { ok: false, completed: false, processSeconds: 3, error: 'ValidationError: too many resources' };
    const targets = checkTargets([result('L', { app: failed, assembly: undefined, ratio: undefined })]);
    expect(target(targets, 'large-time')).toEqual({ status: 'FAIL', detail: 'L did not synthesize: ValidationError: too many resources' });
    expect(target(targets, 'large-memory')).toEqual({ status: 'FAIL', detail: 'no figure: ValidationError: too many resources' });
    expect(target(targets, 'floor-ratio')).toEqual({ status: 'FAIL', detail: 'L did not synthesize' });
    expect(target(targets, 'stack-limits')).toEqual({ status: 'FAIL', detail: 'L has no assembly' });
  });

  test('fails the floor ratio when one size is over 1.5×', () => {
    const targets = checkTargets([result('S', { ratio: 1.5 }), result('M', { ratio: 1.51 })]);
    expect(target(targets, 'floor-ratio')).toEqual({ status: 'FAIL', detail: 'S 1.50×, M 1.51×' });
  });

  test('fails the floor ratio when the floor did not synthesize', () => {
    const floor: SynthFigures = { ok: false, completed: false, processSeconds: 600, error: 'killed after 600 s (time limit)' };
    const targets = checkTargets([result('S', { floor, ratio: undefined })]);
    expect(target(targets, 'floor-ratio')).toEqual({ status: 'FAIL', detail: 'S has no floor figure (killed after 600 s (time limit))' });
  });

  test('judges the times of a synth that completed with validation errors, and says so', () => {
    const withErrors: SynthFigures = { ...synth(70), ok: false, error: 'validation errors: F0007 ×1' };
    const targets = checkTargets([result('M', { app: withErrors, ratio: 1.4 }), result('L', { app: withErrors, ratio: 1.6, assembly: assembly(4000) })]);
    expect(target(targets, 'large-time')).toEqual({ status: 'FAIL', detail: 'L did not synthesize: validation errors: F0007 ×1' });
    expect(target(targets, 'floor-ratio')).toEqual({ status: 'FAIL', detail: 'M 1.40× (with validation errors), L 1.60× (with validation errors)' });
    expect(target(targets, 'linear-growth')).toEqual({ status: 'PASS', detail: 'time ×1.00, resources ×4.00 (limit ×4.80) (with validation errors)' });
  });

  test('fails growth that is more than 1.2 × linear in resources', () => {
    const targets = checkTargets([result('M', { app: synth(10), assembly: assembly(10_000) }), result('L', { app: synth(50, 1000), assembly: assembly(40_000) })]);
    expect(target(targets, 'linear-growth')).toEqual({ status: 'FAIL', detail: 'time ×5.00, resources ×4.00 (limit ×4.80)' });
  });

  test('fails a stack over 450 resources or 800 KB', () => {
    const targets = checkTargets([result('S', { assembly: assembly(1000, 451) }), result('M', { assembly: assembly(1000, 100, 800 * 1024 + 1) })]);
    expect(target(targets, 'stack-limits')).toEqual({ status: 'FAIL', detail: 'S max 451 resources, 500 KB; M max 100 resources, 800 KB' });
    expect(target(checkTargets([result('S', { assembly: assembly(1000, 450, 800 * 1024) })]), 'stack-limits').status).toBe('PASS');
  });
});
