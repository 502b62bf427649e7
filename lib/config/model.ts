/**
 * The validated mesh (`mesh.yaml`, apiVersion lakemesh/v1) as a typed model. Produced by
 * `loadMesh` (see `./load-mesh.ts`) only after every check passed; all references are resolved.
 */
import { SourceLocation } from '../errors';
import { DataContract } from '../contract/model';

export type SharingModel = 'central-catalog' | 'producer-direct';

export interface MeshConfig {
  /** Absolute path of mesh.yaml. */
  readonly file: string;
  /** Lowercase slug; prefixes stack and physical names. */
  readonly name: string;
  readonly region: string;
  readonly governance: GovernanceConfig;
  /** Sorted by name (input order never matters). */
  readonly domains: readonly DomainConfig[];
  /** Sorted by name. */
  readonly consumers: readonly ConsumerConfig[];
  /** Sorted by (product, consumer, role). */
  readonly grants: readonly GrantConfig[];
}

export interface GovernanceConfig {
  readonly account: string;
  readonly sharing: SharingModel;
  /** True when every account is in one AWS Organization with RAM sharing enabled. */
  readonly organization: boolean;
  /** Lake Formation CROSS_ACCOUNT_VERSION: 4 (default) or 5. */
  readonly crossAccountVersion: 4 | 5;
  /** Extra Lake Formation admin role ARNs. */
  readonly admins: readonly string[];
  /** The closed LF-Tag ontology: key -> allowed values (in the order given). */
  readonly tags: Readonly<Record<string, readonly string[]>>;
  /** The ontology's most sensitive classification value (the last value of `classification`). */
  readonly restrictedClassification: string;
}

export interface DomainConfig {
  readonly name: string;
  readonly account: string;
  readonly owner: string;
  readonly producers: readonly string[];
  /** Sorted by slug. */
  readonly products: readonly ProductConfig[];
  readonly location: SourceLocation;
}

export interface ProductConfig {
  /** Product slug (from the contract's dataProduct). */
  readonly name: string;
  readonly domain: string;
  /** `<domain>.<product>` */
  readonly qualifiedName: string;
  /** Glue database name `<domain>_<product>`. */
  readonly databaseName: string;
  readonly contractFile: string;
  readonly contract: DataContract;
  readonly location: SourceLocation;
}

export interface ConsumerConfig {
  readonly name: string;
  readonly account: string;
  readonly principals: readonly string[];
  readonly location: SourceLocation;
}

export interface GrantConfig {
  /** `<domain>.<product>` */
  readonly product: string;
  readonly consumer: string;
  readonly role: string;
  readonly purpose: string;
  readonly requestedBy: string;
  readonly approvedBy: string;
  /** ISO date `YYYY-MM-DD`, or undefined for no expiry. */
  readonly expires?: string;
  /**
   * The contract lock records the grant as existing, so it stays when the product is deprecated.
   * @default false
   */
  readonly existing?: boolean;
  readonly location: SourceLocation;
}
