/**
 * Semantic versions of data contracts (https://semver.org): parsing, ordering, and the one
 * question contract evolution asks of them: may the new version break compatibility?
 */
import { Problem } from '../errors';
import { DataContract } from '../contract/model';
import { EVOLUTION_CODES } from './codes';

export interface SemanticVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Dot-separated pre-release identifiers (`rc.1` → `['rc', '1']`); empty for a release. */
  readonly prerelease: readonly string[];
}

// semver.org's own pattern, with an optional leading `v` (`v1.2.3` is common in contracts).
const IDENTIFIER = '(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)';
const SEMVER = new RegExp(
  `^v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)` +
    `(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?` +
    `(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$`,
);

/** `1.2.3`, `v1.2.3`, `2.0.0-rc.1`, `1.0.0+build.5`; anything else is undefined. */
export function parseSemanticVersion(text: string): SemanticVersion | undefined {
  const match = SEMVER.exec(text.trim());
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] === undefined ? [] : match[4].split('.'),
  };
}

/** Negative, zero or positive as `a` precedes, equals or follows `b` (semver precedence; build metadata ignored). */
export function compareSemanticVersions(a: SemanticVersion, b: SemanticVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || comparePrerelease(a.prerelease, b.prerelease);
}

/**
 * True when `next` may carry breaking changes relative to `old`:
 * - the major version went up (`1.4.2` → `2.0.0`);
 * - during initial development (major 0) the minor version went up (`0.3.1` → `0.4.0`), as semver
 *   §4 says 0.y.z promises nothing and npm's caret ranges treat 0.y as the breaking digit;
 * - `old` is a pre-release of a new major (`2.0.0-rc.1`) and `next` a later version of that major,
 *   since a pre-release makes no compatibility promise.
 */
export function allowsBreakingChanges(old: SemanticVersion, next: SemanticVersion): boolean {
  if (next.major > old.major) return true;
  if (next.major !== old.major) return false;
  if (old.major === 0 && next.minor > old.minor) return true;
  const preReleaseOfMajor = old.prerelease.length > 0 && old.minor === 0 && old.patch === 0;
  return preReleaseOfMajor && compareSemanticVersions(next, old) > 0;
}

/** The lowest version that may break compatibility with `version` (`1.4.2` → `2.0.0`, `0.3.1` → `0.4.0`), keeping a leading `v`. */
export function nextBreakingVersion(version: string): string | undefined {
  const parsed = parseSemanticVersion(version);
  if (!parsed) return undefined;
  const prefix = version.trim().startsWith('v') ? 'v' : '';
  return parsed.major === 0 ? `${prefix}0.${parsed.minor + 1}.0` : `${prefix}${parsed.major + 1}.0.0`;
}

/** The version of `contract`, or the problem explaining why it is not a semantic version. */
export function contractVersion(contract: DataContract): { version: SemanticVersion } | { problem: Problem } {
  const version = parseSemanticVersion(contract.version);
  if (version) return { version };
  return {
    problem: {
      code: EVOLUTION_CODES.invalidVersion,
      path: 'version',
      message:
        `version ${JSON.stringify(contract.version)} of contract "${contract.id}" is not a semantic version; ` +
        'write MAJOR.MINOR.PATCH, e.g. "1.2.0" (a leading v and a pre-release such as "2.0.0-rc.1" are allowed), ' +
        'so that breaking changes can be checked against the major version',
      location: contract.location,
    },
  };
}

function comparePrerelease(a: readonly string[], b: readonly string[]): number {
  // A release follows every pre-release of the same version.
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareIdentifier(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compareIdentifier(a: string, b: string): number {
  const numericA = /^\d+$/.test(a);
  const numericB = /^\d+$/.test(b);
  if (numericA && numericB) return Number(a) - Number(b);
  if (numericA !== numericB) return numericA ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
