/**
 * Data quality rules on a table or column. A new or changed rule can fail data that passed before
 * (warning); a rule removed only relaxes (info). Rules are matched by metric, so that editing a
 * threshold reads as one change. Rules that only list allowed values are left to the enum rule.
 */
import { QualityRule } from '../contract/model';
import { ChangeSet } from './change-set';
import { canonicalJson, truncate } from './describe';
import { isEnumRule } from './diff-constraints';

export function diffQuality(changes: ChangeSet, path: string, old: readonly QualityRule[], next: readonly QualityRule[]): void {
  const before = old.filter((rule) => !isEnumRule(rule)).map(describeRule);
  const after = next.filter((rule) => !isEnumRule(rule)).map(describeRule);
  const removed = without(before, after);
  const added = without(after, before);

  for (const rule of added) {
    const replaced = removed.findIndex((candidate) => candidate.metric === rule.metric);
    if (replaced >= 0) {
      const [previous] = removed.splice(replaced, 1);
      changes.warning('quality-rule-changed', path, `quality rule changed from ${previous.text} to ${rule.text}`);
    } else {
      changes.warning('quality-rule-added', path, `quality rule added: ${rule.text}`);
    }
  }
  for (const rule of removed) changes.info('quality-rule-removed', path, `quality rule removed: ${rule.text}`);
}

interface DescribedRule {
  /** What pairs an old rule with its new version: the metric, or the type for sql/custom/text rules. */
  readonly metric: string;
  /** Everything that matters about the rule (descriptions and positions left out), for equality. */
  readonly key: string;
  /** How the rule reads in a message, e.g. `nullValues mustBe 0`. */
  readonly text: string;
}

const THRESHOLDS = [
  'mustBe', 'mustNotBe', 'mustBeGreaterThan', 'mustBeGreaterOrEqualTo', 'mustBeLessThan', 'mustBeLessOrEqualTo',
  'mustBeBetween', 'mustNotBeBetween',
] as const;

function describeRule(rule: QualityRule): DescribedRule {
  const metric = rule.metric ?? rule.type;
  const parts = [metric];
  const body = rule.query ?? rule.implementation;
  if (body !== undefined) parts.push(JSON.stringify(truncate(body.replace(/\s+/g, ' ').trim())));
  for (const [name, value] of Object.entries(rule.arguments).sort(([a], [b]) => (a < b ? -1 : 1))) {
    parts.push(`${name}=${canonicalJson(value)}`);
  }
  for (const threshold of THRESHOLDS) {
    if (rule[threshold] !== undefined) parts.push(`${threshold} ${canonicalJson(rule[threshold])}`);
  }
  if (rule.unit !== undefined) parts.push(`(${rule.unit})`);
  // Where the rule sits and how it is described do not change what it checks.
  const key = canonicalJson({ ...rule, location: undefined, description: undefined });
  return { metric, key, text: parts.join(' ') };
}

/** The rules of `from` that `other` does not have (as a multiset: duplicates count). */
function without(from: readonly DescribedRule[], other: readonly DescribedRule[]): DescribedRule[] {
  const remaining = [...other];
  return from.filter((rule) => {
    const match = remaining.findIndex((candidate) => candidate.key === rule.key);
    if (match < 0) return true;
    remaining.splice(match, 1);
    return false;
  });
}
