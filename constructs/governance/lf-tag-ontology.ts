/**
 * The mesh's LF-Tags in one account: the closed ontology from mesh.yaml (e.g. `classification`)
 * plus the `domain` and `product` keys whose values are every domain and product of the mesh.
 * Tag associations reference these resources, so CloudFormation creates keys before values are used.
 */
import { Stack } from 'aws-cdk-lib';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import { Construct } from 'constructs';
import { LakemeshError } from '../../lib/errors';
import { GOVERNANCE_CODES } from './codes';

export interface LfTagOntologyProps {
  /** Tag key → allowed values. Keys and values keep the given order in the template. */
  readonly tags: Readonly<Record<string, readonly string[]>>;
}

export class LfTagOntology extends Construct {
  private readonly byKey = new Map<string, lakeformation.CfnTag>();

  constructor(scope: Construct, id: string, props: LfTagOntologyProps) {
    super(scope, id);
    const catalogId = Stack.of(this).account;
    for (const key of Object.keys(props.tags).sort()) {
      const values = props.tags[key];
      if (values.length === 0) {
        throw LakemeshError.of(GOVERNANCE_CODES.emptyTag, `lf-tag "${key}" has no values; lake formation refuses a tag without values, list at least one`);
      }
      this.byKey.set(key, new lakeformation.CfnTag(this, `Tag-${key}`, { catalogId, tagKey: key, tagValues: [...values] }));
    }
  }

  /** The tag resource of `key`; throws for a key the ontology does not hold. */
  tag(key: string): lakeformation.CfnTag {
    const tag = this.byKey.get(key);
    if (!tag) {
      throw LakemeshError.of(GOVERNANCE_CODES.unknownTag, `lf-tag "${key}" is not in the ontology; known keys are ${[...this.byKey.keys()].join(', ')}`);
    }
    return tag;
  }
}
