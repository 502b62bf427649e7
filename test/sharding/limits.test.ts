import { LakemeshError } from '../../lib/errors';
import { SHARD_LIMITS, shardLimits } from '../../lib/sharding/limits';

describe('shard limits', () => {
  test('default to 450 resources and 800 KiB per stack, new units filling to 400 resources and 640 KiB', () => {
    expect(SHARD_LIMITS).toEqual({ maxResources: 450, maxTemplateBytes: 819_200, fillResources: 400, fillTemplateBytes: 655_360 });
    expect(shardLimits()).toEqual(SHARD_LIMITS);
  });

  test('scale the fill levels with lowered limits', () => {
    expect(shardLimits({ maxResources: 45, maxTemplateBytes: 80_000 })).toEqual({ maxResources: 45, maxTemplateBytes: 80_000, fillResources: 40, fillTemplateBytes: 64_000 });
  });

  test('fail for a limit that is not a positive whole number', () => {
    expect(() => shardLimits({ maxResources: 0 })).toThrow(new LakemeshError([{ code: 'LM551', path: 'maxResources', message: 'shard limit maxResources must be a positive whole number, got 0' }]));
    expect(() => shardLimits({ fillTemplateBytes: 1.5 })).toThrow('fillTemplateBytes: shard limit fillTemplateBytes must be a positive whole number, got 1.5 [LM551]');
  });

  test('fail for a fill level above its limit', () => {
    expect(() => shardLimits({ maxResources: 100, fillResources: 101 })).toThrow(
      'shard fill levels (101 resources, 655360 bytes) must not exceed the limits (100 resources, 819200 bytes); lower the fill levels [LM551]',
    );
  });
});
