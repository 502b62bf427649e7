/**
 * Problem codes of the mesh loader (`mesh.yaml` and the cross-file checks between the mesh and its
 * contracts): LM200–LM299. Codes are API: users and tests match on them, so a code is never reused
 * for a different mistake. Structural problems (unknown key, wrong type, missing field) use the
 * shared LM010–LM013 from `lib/source/zod-problems.ts`; unreadable files use LM001–LM006.
 */
export const MESH_CODES = {
  /** `apiVersion` is not `lakemesh/v1`. */
  apiVersion: 'LM200',
  /** `kind` is not `Mesh`. */
  kind: 'LM201',
  /** A mesh, domain or consumer name is not a lowercase slug (`^[a-z][a-z0-9-]*$`, no `--`, no trailing `-`). */
  invalidName: 'LM202',
  /** `region` does not look like an AWS region (`eu-west-1`). */
  invalidRegion: 'LM203',
  /** An account id is not a quoted string of 12 digits (a YAML number gets a hint to quote it). */
  invalidAccount: 'LM204',
  /** Two domains, or two consumers, share one name. */
  duplicateName: 'LM205',
  /** A required text (owner, purpose, requestedBy, approvedBy) is empty. */
  emptyValue: 'LM206',
  /** A principal is not an IAM role or user ARN: wildcard, account root, other service or malformed. */
  invalidPrincipal: 'LM207',
  /** A principal ARN is in another account, or another partition, than the one it must belong to. */
  principalAccount: 'LM208',
  /** `governance.sharing` is not `central-catalog` or `producer-direct`. */
  invalidSharing: 'LM209',
  /** `governance.crossAccountVersion` is not 4 or 5. */
  invalidCrossAccountVersion: 'LM210',
  /** An LF-Tag key breaks a Lake Formation limit (1–128 characters, allowed characters). */
  invalidTagKey: 'LM211',
  /** LF-Tag values break a Lake Formation limit (1–1000 values, ≤ 256 characters each, allowed characters, no duplicates). */
  invalidTagValue: 'LM212',
  /** `domain` and `product` are LF-Tag keys lakemesh manages itself. */
  reservedTagKey: 'LM213',
  /** A `products[]` entry names a contract file that does not exist. */
  contractNotFound: 'LM214',
  /** The contract's `domain` is missing or differs from the domain that lists it. */
  contractDomainMismatch: 'LM215',
  /** Two contracts of one domain have the same product slug. */
  duplicateProduct: 'LM216',
  /** Two contracts in the mesh have the same `id`. */
  duplicateContractId: 'LM217',
  /** A contract with status `retired` is still listed as a product. */
  retiredContract: 'LM218',
  /** A column classification is not a value of the `classification` LF-Tag ontology. */
  unknownClassification: 'LM219',
  /** The Glue database name `<domain>_<product>` is longer than 255 characters. */
  databaseNameTooLong: 'LM220',
  /** Two products derive the same Glue database name (e.g. domain `a-b` + product `c` and domain `a` + product `b_c`). */
  databaseNameCollision: 'LM221',
  /** The derived domain bucket name breaks an S3 rule (longer than 63 characters, reserved prefix). */
  invalidBucketName: 'LM222',
  /** A grant's `product` is not `<domain>.<product>` of a product in the mesh. */
  unknownProduct: 'LM223',
  /** A grant's `consumer` is not a consumer of the mesh. */
  unknownConsumer: 'LM224',
  /** A grant's `role` is not a `roles[].role` of the product's contract. */
  unknownRole: 'LM225',
  /** A grant's `expires` is not a valid `YYYY-MM-DD` date. */
  invalidExpiry: 'LM226',
  /** A grant's `expires` date is in the past. */
  expiredGrant: 'LM227',
  /** Two grants with the same product, consumer and role. */
  duplicateGrant: 'LM228',
  /** A grant on a `draft` or `proposed` product (those are not shared cross-account). */
  unsharedProduct: 'LM229',
  /** A grant on a `deprecated` product (deprecated products accept no new grants). */
  deprecatedProduct: 'LM230',
  /** `requestedBy` / `approvedBy` is neither an email address nor an IAM principal ARN. */
  invalidContact: 'LM231',
  /** `approvedBy` is the same person as `requestedBy`. */
  selfApproval: 'LM232',
  /** A consumer lives in the governance account, or is granted a product of its own account. */
  sameAccountConsumer: 'LM233',
  /** A grant names a contract role whose `access` is not `read` (lakemesh grants read access only). */
  notReadRole: 'LM234',
  /** A consumer lists no principals. */
  noPrincipals: 'LM235',
  /** The consumer's CloudFormation stack name `<mesh>-consumer-<consumer>` is longer than 128 characters. */
  stackNameTooLong: 'LM236',
  /** A `products[]` entry names a file that is not `.yaml`, `.yml` or `.json`. */
  notAContractFile: 'LM237',
  /** More domains, or more distinct product names, than the 1000 values Lake Formation allows on the `domain` / `product` LF-Tag. */
  tooManyTagValues: 'LM238',
} as const;

export type MeshCode = (typeof MESH_CODES)[keyof typeof MESH_CODES];
