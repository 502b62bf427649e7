/**
 * The central governance account of a mesh: its Lake Formation settings, the LF-Tag ontology
 * (plus `domain` and `product` keys) and, in the central-catalog model, per domain the registration
 * of the producer's product prefixes and per product the central Glue database and tables that
 * consumers are granted on.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct, IDependable } from 'constructs';
import { CLASSIFICATION_TAG_KEY, DEFAULT_CLASSIFICATIONS } from '../../lib/config/check-governance';
import { SharingModel } from '../../lib/config/model';
import { domainBucketName, qualifiedProductName } from '../../lib/config/naming';
import { DataContract } from '../../lib/contract/model';
import { LakemeshError } from '../../lib/errors';
import { didYouMean } from '../../lib/source/did-you-mean';
import { DOMAIN_TAG_KEY, PRODUCT_TAG_KEY } from '../domain/domain-tags';
import { DataProductReference } from '../data-product/data-product-reference';
import { ContractGrant, GrantConsumer } from '../grants/contract-grant';
import { CrossAccountVersion, DataLakeSettings } from '../lake-formation/data-lake-settings';
import { CentralProduct, ILfTags, IProducerLocations } from './central-product';
import { GOVERNANCE_CODES } from './codes';
import { LfTagOntology } from './lf-tag-ontology';
import { ProducerRegistration } from './producer-registration';

/** Sharing model when none is given: the governance account owns the catalog consumers see. */
export const DEFAULT_SHARING_MODEL: SharingModel = 'central-catalog';

/**
 * What the governance construct places: the registration of a domain, the catalog entry of a
 * product (`<domain>.<product>`), or every grant of a consumer on a product.
 */
export type GovernanceUnit =
  | { readonly kind: 'registration'; readonly domain: string }
  | { readonly kind: 'product'; readonly product: string }
  | { readonly kind: 'grant'; readonly product: string; readonly consumer: string };

/**
 * Where a unit's constructs go: a construct with id `Governance` directly under another stack of
 * the governance account (a shard), so that logical ids are the same in any stack; undefined for
 * the governance construct itself.
 */
export type GovernancePlacement = (unit: GovernanceUnit) => Construct | undefined;

/** A producing domain as the governance account sees it. */
export interface GovernedDomain {
  readonly name: string;
  readonly account: string;
  /** Owner recorded on products whose contract names none. */
  readonly owner: string;
  /** The contracts of the domain's products. */
  readonly contracts: readonly DataContract[];
}

export interface MeshGovernanceProps {
  readonly meshName: string;
  /** Region of the mesh (every domain bucket lives there). */
  readonly region: string;
  readonly domains: readonly GovernedDomain[];
  /**
   * The closed LF-Tag ontology, key → values. `domain` and `product` keys are added by lakemesh.
   * @default { classification: ['public', 'internal', 'confidential', 'restricted'] }
   */
  readonly tags?: Readonly<Record<string, readonly string[]>>;
  /**
   * `central-catalog`: this account registers producers' data and owns the catalog consumers are
   * granted on. `producer-direct`: producers grant from their own catalog; this account keeps the
   * tag ontology only.
   * @default 'central-catalog'
   */
  readonly sharing?: SharingModel;
  /**
   * Extra Lake Formation admins of the governance account.
   * @default - only the deployment role
   */
  readonly admins?: readonly iam.IRole[];
  /** @default 4 */
  readonly crossAccountVersion?: CrossAccountVersion;
  /**
   * The role CloudFormation deploys the stack with.
   * @default - the execution role of the stack's `DefaultStackSynthesizer`
   */
  readonly deploymentRole?: iam.IRole;
  /**
   * Puts registrations, products and grants into other stacks of the governance account (shards,
   * see docs/sharding.md). Those stacks must deploy after this one and after the stacks of the
   * units they depend on; tags and settings stay here.
   * @default - everything in this construct
   */
  readonly placement?: GovernancePlacement;
}

/** Options of `MeshGovernance.grant`. */
export interface GovernanceGrantOptions {
  /** `<domain>.<product>` */
  readonly product: string;
  readonly consumer: GrantConsumer;
  readonly role: string;
  readonly purpose: string;
  readonly requestedBy: string;
  readonly approvedBy: string;
  /** @default - no expiry */
  readonly expires?: string;
  /** @default 'restricted' */
  readonly restrictedClassification?: string;
  /** Keep the grant although the contract is deprecated (it existed before). @default false */
  readonly allowDeprecated?: boolean;
  /** ISO date (`YYYY-MM-DD`) expiry is judged against. @default - today's date (UTC) */
  readonly today?: string;
}

export class MeshGovernance extends Construct {
  readonly sharing: SharingModel;
  readonly lakeFormationSettings: DataLakeSettings;
  readonly tags: LfTagOntology;
  private readonly registrations = new Map<string, ProducerRegistration>();
  private readonly productsByName = new Map<string, CentralProduct>();
  private readonly placement: GovernancePlacement;

  constructor(scope: Construct, id: string, props: MeshGovernanceProps) {
    super(scope, id);
    this.sharing = props.sharing ?? DEFAULT_SHARING_MODEL;
    this.placement = props.placement ?? (() => undefined);
    this.lakeFormationSettings = new DataLakeSettings(this, 'LakeFormationSettings', {
      admins: props.admins,
      crossAccountVersion: props.crossAccountVersion,
      deploymentRole: props.deploymentRole,
    });
    const domains = [...props.domains].sort((a, b) => compare(a.name, b.name));
    this.tags = new LfTagOntology(this, 'Tags', {
      tags: {
        [CLASSIFICATION_TAG_KEY]: DEFAULT_CLASSIFICATIONS,
        ...props.tags,
        [DOMAIN_TAG_KEY]: domains.map((d) => d.name),
        [PRODUCT_TAG_KEY]: [...new Set(domains.flatMap((d) => d.contracts.map((c) => c.productSlug)))].sort(),
      },
    });
    if (this.sharing !== 'central-catalog') return;

    for (const domain of domains) {
      const contracts = [...domain.contracts].sort((a, b) => compare(a.productSlug, b.productSlug));
      const registration = new ProducerRegistration(this.domainScope({ kind: 'registration', domain: domain.name }, domain.name), 'Registration', {
        meshName: props.meshName,
        domainName: domain.name,
        producerAccount: domain.account,
        bucketName: domainBucketName({ name: props.meshName, region: props.region }, domain),
        productPrefixes: contracts.map((c) => c.productSlug),
      });
      this.registrations.set(domain.name, registration);
      for (const contract of contracts) {
        const name = qualifiedProductName(domain.name, contract.productSlug);
        if (this.productsByName.has(name)) {
          throw LakemeshError.of(GOVERNANCE_CODES.duplicateProduct, `product ${name} is described by two contracts; give one of them another dataProduct`);
        }
        const scope = this.domainScope({ kind: 'product', product: name }, domain.name);
        this.productsByName.set(
          name,
          new CentralProduct(scope, `Product-${contract.productSlug}`, {
            contract,
            domainName: domain.name,
            owner: domain.owner,
            registration: LocationsReference.in(scope, registration),
            tags: TagsReference.in(scope, this.tags),
          }),
        );
      }
    }
  }

  /** The central catalog entries, sorted by `<domain>.<product>`. */
  get products(): readonly CentralProduct[] {
    return [...this.productsByName.values()];
  }

  /** The central catalog entry of `<domain>.<product>` (central-catalog model only). */
  product(qualifiedName: string): CentralProduct {
    const product = this.productsByName.get(qualifiedName);
    if (!product) {
      const hint = this.sharing === 'central-catalog' ? didYouMean(qualifiedName, this.productsByName.keys()) : '; with producer-direct sharing the central catalog holds no products';
      throw LakemeshError.of(GOVERNANCE_CODES.unknownProduct, `the central catalog has no product "${qualifiedName}"${hint}`);
    }
    return product;
  }

  /** Grants a consumer a contract role on a central product. */
  grant(options: GovernanceGrantOptions): ContractGrant {
    const product = this.product(options.product);
    const id = `Grant-${options.product}-${options.consumer.name}-${options.role}`;
    const scope = this.placement({ kind: 'grant', product: options.product, consumer: options.consumer.name }) ?? this;
    return new ContractGrant(scope, id, { ...options, product: DataProductReference.in(scope, product) });
  }

  /** `Domain-<domain>` under the unit's place: this construct, or the root its placement names. */
  private domainScope(unit: GovernanceUnit, domain: string): Construct {
    const root: IConstruct = this.placement(unit) ?? this;
    const id = `Domain-${domain}`;
    return (root.node.tryFindChild(id) as Construct | undefined) ?? new Construct(root, id);
  }
}

/**
 * In another stack of the governance account (a shard, which deploys after this one), the tags a
 * product is tagged with, without a construct dependency across stacks: CloudFormation has no
 * `DependsOn` across stacks, and the shard's stack dependencies already order it.
 */
class TagsReference extends Construct implements ILfTags {
  static in(scope: IConstruct, tags: LfTagOntology): ILfTags {
    const stack = Stack.of(scope);
    if (stack === Stack.of(tags)) return tags;
    return (stack.node.tryFindChild('TagsReference') as TagsReference | undefined) ?? new TagsReference(stack, 'TagsReference', tags);
  }

  private constructor(scope: Construct, id: string, private readonly tags: LfTagOntology) {
    super(scope, id);
  }

  tag(key: string): IDependable {
    this.tags.tag(key); // throws for a key the ontology does not hold
    return this;
  }
}

/** In another stack of the governance account, a domain's registered locations; see `TagsReference`. */
class LocationsReference extends Construct implements IProducerLocations {
  static in(scope: IConstruct, registration: ProducerRegistration): IProducerLocations {
    const stack = Stack.of(scope);
    if (stack === Stack.of(registration)) return registration;
    const id = `LocationsReference-${registration.node.scope!.node.id}`;
    return (stack.node.tryFindChild(id) as LocationsReference | undefined) ?? new LocationsReference(stack, id, registration);
  }

  private constructor(scope: Construct, id: string, private readonly registration: ProducerRegistration) {
    super(scope, id);
  }

  location(prefix: string): IDependable {
    this.registration.location(prefix); // throws for a prefix that is not registered
    return this;
  }

  s3Url(prefix: string, ...rest: string[]): string {
    return this.registration.s3Url(prefix, ...rest);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
