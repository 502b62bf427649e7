/**
 * The central governance account of a mesh: its Lake Formation settings, the LF-Tag ontology
 * (plus `domain` and `product` keys) and, in the central-catalog model, per domain the registration
 * of the producer's product prefixes and per product the central Glue database and tables that
 * consumers are granted on.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { CLASSIFICATION_TAG_KEY, DEFAULT_CLASSIFICATIONS } from '../../lib/config/check-governance';
import { SharingModel } from '../../lib/config/model';
import { domainBucketName, qualifiedProductName } from '../../lib/config/naming';
import { DataContract } from '../../lib/contract/model';
import { LakemeshError } from '../../lib/errors';
import { didYouMean } from '../../lib/source/did-you-mean';
import { DOMAIN_TAG_KEY, PRODUCT_TAG_KEY } from '../domain/domain-tags';
import { ContractGrant, GrantConsumer } from '../grants/contract-grant';
import { CrossAccountVersion, DataLakeSettings } from '../lake-formation/data-lake-settings';
import { CentralProduct } from './central-product';
import { GOVERNANCE_CODES } from './codes';
import { LfTagOntology } from './lf-tag-ontology';
import { ProducerRegistration } from './producer-registration';

/** Sharing model when none is given: the governance account owns the catalog consumers see. */
export const DEFAULT_SHARING_MODEL: SharingModel = 'central-catalog';

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

  constructor(scope: Construct, id: string, props: MeshGovernanceProps) {
    super(scope, id);
    this.sharing = props.sharing ?? DEFAULT_SHARING_MODEL;
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
      const scope = new Construct(this, `Domain-${domain.name}`);
      const registration = new ProducerRegistration(scope, 'Registration', {
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
        this.productsByName.set(
          name,
          new CentralProduct(scope, `Product-${contract.productSlug}`, {
            contract,
            domainName: domain.name,
            owner: domain.owner,
            registration,
            tags: this.tags,
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
    return new ContractGrant(this, id, { ...options, product });
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
