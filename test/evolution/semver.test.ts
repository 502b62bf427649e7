import { ordersContract } from '../support/contract-factory';
import {
  allowsBreakingChanges,
  compareSemanticVersions,
  contractVersion,
  nextBreakingVersion,
  parseSemanticVersion,
  SemanticVersion,
} from '../../lib/evolution/semver';

function version(text: string): SemanticVersion {
  const parsed = parseSemanticVersion(text);
  if (!parsed) throw new Error(`test version ${text} does not parse`);
  return parsed;
}

describe('parseSemanticVersion', () => {
  test('reads major, minor and patch', () => {
    expect(parseSemanticVersion('1.2.3')).toEqual({ major: 1, minor: 2, patch: 3, prerelease: [] });
  });

  test('accepts a leading v', () => {
    expect(parseSemanticVersion('v10.0.7')).toEqual({ major: 10, minor: 0, patch: 7, prerelease: [] });
  });

  test('reads pre-release identifiers and ignores build metadata', () => {
    expect(parseSemanticVersion('2.0.0-rc.1+build.42')).toEqual({ major: 2, minor: 0, patch: 0, prerelease: ['rc', '1'] });
  });

  test.each(['1.2', '1', 'latest', '1.2.3.4', '01.2.3', '1.2.3-', 'V1.2.3', '1.2.x', ''])('refuses %j', (text) => {
    expect(parseSemanticVersion(text)).toBeUndefined();
  });
});

describe('compareSemanticVersions', () => {
  test.each([
    ['1.2.3', '1.2.4'],
    ['1.2.9', '1.10.0'],
    ['1.9.9', '2.0.0'],
    ['2.0.0-rc.1', '2.0.0'],
    ['2.0.0-alpha', '2.0.0-alpha.1'],
    ['2.0.0-alpha.2', '2.0.0-alpha.10'],
    ['2.0.0-1', '2.0.0-alpha'],
    ['2.0.0-alpha', '2.0.0-beta'],
  ])('%s precedes %s', (lower, higher) => {
    expect(compareSemanticVersions(version(lower), version(higher))).toBeLessThan(0);
    expect(compareSemanticVersions(version(higher), version(lower))).toBeGreaterThan(0);
  });

  test('ignores the v prefix and build metadata', () => {
    expect(compareSemanticVersions(version('v1.2.3+a'), version('1.2.3+b'))).toBe(0);
  });
});

describe('allowsBreakingChanges', () => {
  test.each([
    ['1.4.2', '2.0.0', true],
    ['1.4.2', '3.1.0', true],
    ['1.4.2', '1.5.0', false],
    ['1.4.2', '1.4.3', false],
    ['2.0.0', '1.0.0', false],
    ['1.4.2', '2.0.0-rc.1', true],
    // 0.y.z is initial development: the minor version is the breaking digit.
    ['0.3.1', '0.4.0', true],
    ['0.3.1', '0.3.2', false],
    ['0.3.1', '1.0.0', true],
    // A pre-release of a new major promises nothing until the release.
    ['2.0.0-rc.1', '2.0.0', true],
    ['2.0.0-rc.1', '2.0.0-rc.2', true],
    ['2.1.0-rc.1', '2.1.0', false],
    ['2.0.0-rc.2', '2.0.0-rc.1', false],
  ])('%s → %s: %s', (old, next, allowed) => {
    expect(allowsBreakingChanges(version(old), version(next))).toBe(allowed);
  });
});

describe('nextBreakingVersion', () => {
  test.each([
    ['1.4.2', '2.0.0'],
    ['v1.4.2', 'v2.0.0'],
    ['0.3.1', '0.4.0'],
    ['2.0.0-rc.1', '3.0.0'],
  ])('%s → %s', (old, next) => {
    expect(nextBreakingVersion(old)).toBe(next);
  });

  test('is undefined for a version that is not semver', () => {
    expect(nextBreakingVersion('one')).toBeUndefined();
  });
});

describe('contractVersion', () => {
  test('returns the parsed version of a contract', () => {
    expect(contractVersion(ordersContract({ version: 'v3.0.0' }))).toEqual({ version: { major: 3, minor: 0, patch: 0, prerelease: [] } });
  });

  test('explains a version that is not semver, located at the contract', () => {
    const contract = ordersContract({ version: '1.2' });
    expect(contractVersion(contract)).toEqual({
      problem: {
        code: 'LM500',
        path: 'version',
        message:
          'version "1.2" of contract "orders-contract" is not a semantic version; write MAJOR.MINOR.PATCH, e.g. "1.2.0" ' +
          '(a leading v and a pre-release such as "2.0.0-rc.1" are allowed), so that breaking changes can be checked against the major version',
        location: contract.location,
      },
    });
  });
});
