/** The rules for one column present in both versions of a table. */
import { ContractColumn } from '../contract/model';
import { ChangeSet } from './change-set';
import { plain, show } from './describe';
import { diffAllowedValues, diffTypeOptions } from './diff-constraints';
import { diffQuality } from './diff-quality';
import { isSafeWidening, normaliseType } from './type-widening';

export interface ColumnDiffOptions {
  /** Classification values from the least to the most sensitive. */
  readonly classifications: readonly string[];
  /** False for partition keys, whose types the partition key rule compares. */
  readonly compareTypes: boolean;
}

export function diffColumn(
  changes: ChangeSet,
  path: string,
  old: ContractColumn,
  next: ContractColumn,
  options: ColumnDiffOptions,
): void {
  if (options.compareTypes) diffType(changes, path, old, next);
  if (old.logicalType !== next.logicalType) {
    changes.info('column-logical-type-changed', path, `logical type changed from ${plain(old.logicalType)} to ${plain(next.logicalType)}`);
  }
  diffFlag(changes, path, 'required', old.required, next.required);
  diffFlag(changes, path, 'unique', old.unique, next.unique);
  diffAllowedValues(changes, path, old, next);
  diffTypeOptions(changes, path, old, next);
  diffClassification(changes, path, old.classification, next.classification, options.classifications);
  diffQuality(changes, path, old.quality, next.quality);
  if (old.description !== next.description) {
    changes.info('column-description-changed', path, `description changed from ${show(old.description)} to ${show(next.description)}`);
  }
}

function diffType(changes: ChangeSet, path: string, old: ContractColumn, next: ContractColumn): void {
  if (normaliseType(old.type) === normaliseType(next.type)) return;
  if (isSafeWidening(old.type, next.type)) {
    changes.info('column-type-widened', path, `type widened from ${old.type} to ${next.type}`);
  } else {
    changes.breaking('column-type-changed', path, `type changed from ${old.type} to ${next.type}`);
  }
}

/** `required` and `unique`: turning one on can reject data already stored; turning it off cannot. */
function diffFlag(changes: ChangeSet, path: string, flag: 'required' | 'unique', old: boolean, next: boolean): void {
  if (old === next) return;
  if (next) changes.breaking(`column-${flag}-tightened`, path, `${flag} tightened from false to true`);
  else changes.info(`column-${flag}-relaxed`, path, `${flag} relaxed from true to false`);
}

/**
 * A more sensitive classification is a warning: consumers may lose the column (the most sensitive
 * level is excluded from every role that does not list it in `lakemesh.includeColumns`). A less
 * sensitive one is info, except when the column leaves the most sensitive level: then every role
 * starts to see it, which an auditor must notice (warning). Values outside the ontology cannot be
 * ranked and are a warning.
 */
function diffClassification(
  changes: ChangeSet,
  path: string,
  old: string | undefined,
  next: string | undefined,
  ontology: readonly string[],
): void {
  if (old === next) return;
  const transition = `classification changed from ${plain(old)} to ${plain(next)}`;
  const before = rank(old, ontology);
  const after = rank(next, ontology);
  if (before === undefined || after === undefined) {
    changes.warning('column-classification-changed', path, `${transition}; one of them is not in the ontology ${show(ontology)}, so the sensitivity change cannot be judged`);
  } else if (after > before) {
    changes.warning('column-classification-raised', path, `${transition}: consumers may lose access to the column`);
  } else if (before === ontology.length - 1) {
    changes.warning('column-classification-lowered', path, `${transition}: the column is no longer ${old}, so every role that can read the table will see it`);
  } else {
    changes.info('column-classification-lowered', path, transition);
  }
}

/** Position in the ontology; an unclassified column ranks below every value. */
function rank(value: string | undefined, ontology: readonly string[]): number | undefined {
  if (value === undefined) return -1;
  const index = ontology.indexOf(value);
  return index < 0 ? undefined : index;
}
