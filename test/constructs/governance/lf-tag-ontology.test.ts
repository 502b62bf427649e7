import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { LfTagOntology } from '../../../constructs/governance/lf-tag-ontology';
import { LakemeshError } from '../../../lib/errors';

const ACCOUNT = '111111111111';

function newStack(): Stack {
  return new Stack(new App(), 'Governance', { env: { account: ACCOUNT, region: 'eu-west-1' } });
}

function errorOf(action: () => unknown): LakemeshError {
  try {
    action();
  } catch (error) {
    if (error instanceof LakemeshError) return error;
    throw error;
  }
  throw new Error('expected a LakemeshError');
}

describe('LfTagOntology', () => {
  test('creates one LF-Tag per key in the account catalog, keys sorted, values in the order given', () => {
    const stack = newStack();
    new LfTagOntology(stack, 'Tags', { tags: { region: ['emea', 'apac'], classification: ['public', 'restricted'] } });

    const tags = Object.values(Template.fromStack(stack).findResources('AWS::LakeFormation::Tag')).map((tag) => tag.Properties);
    expect(tags).toEqual([
      { CatalogId: ACCOUNT, TagKey: 'classification', TagValues: ['public', 'restricted'] },
      { CatalogId: ACCOUNT, TagKey: 'region', TagValues: ['emea', 'apac'] },
    ]);
  });

  test('tag(key) returns the resource of that key, for tag associations to depend on', () => {
    const stack = newStack();
    const ontology = new LfTagOntology(stack, 'Tags', { tags: { classification: ['public'], domain: ['sales'] } });

    expect(ontology.tag('domain').tagKey).toBe('domain');
    expect(ontology.tag('classification').tagValues).toEqual(['public']);
  });

  test('fails on a key without values, which Lake Formation refuses', () => {
    const error = errorOf(() => new LfTagOntology(newStack(), 'Tags', { tags: { classification: ['public'], product: [] } }));

    expect(error.problems).toEqual([
      { code: 'LM420', path: '', message: 'lf-tag "product" has no values; lake formation refuses a tag without values, list at least one' },
    ]);
  });

  test('tag(key) fails for a key the ontology does not hold, naming the known keys', () => {
    const ontology = new LfTagOntology(newStack(), 'Tags', { tags: { domain: ['sales'], classification: ['public'] } });

    expect(errorOf(() => ontology.tag('sensitivity')).problems).toEqual([
      { code: 'LM421', path: '', message: 'lf-tag "sensitivity" is not in the ontology; known keys are classification, domain' },
    ]);
  });
});
