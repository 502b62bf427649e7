/**
 * Codes of `lakemesh audit`. Codes are API: users and tests match on them, so a code is never
 * reused for a different finding.
 *
 * - `AUDIT_CODES` (LM600–LM619): the audit could not run (no cloud assembly, unreadable
 *   templates, unwritable output). They reach the user as a `LakemeshError`.
 * - `FINDING_CODES` (LMA01–LMA99): what the audit found in the templates.
 */
export const AUDIT_CODES = {
  /** The `--cdk-out` directory does not exist or is not a directory. */
  noCloudAssembly: 'LM600',
  /** The directory has no `manifest.json`, or it is not a cloud assembly manifest. */
  noManifest: 'LM601',
  /** The assembly lists no CloudFormation stack. */
  noStacks: 'LM602',
  /** A template (or nested assembly) the manifest lists is missing or not valid JSON. */
  unreadableTemplate: 'LM603',
  /** `--output` cannot be written. */
  unwritableOutput: 'LM604',
} as const;

export const FINDING_CODES = {
  /** A grant's expiry date has passed (error). */
  grantExpired: 'LMA01',
  /** A grant expires within `EXPIRY_WARNING_DAYS` days (warning). */
  grantExpiresSoon: 'LMA02',
  /** Restricted columns are granted without the role's `lakemesh.includeColumns` (error). */
  restrictedColumnsGranted: 'LMA03',
  /** Restricted columns are granted through `lakemesh.includeColumns` (info). */
  restrictedColumnsIncluded: 'LMA04',
  /** A grant to a principal of another account carries no, or incomplete, `lakemesh:grant` metadata (error). */
  grantWithoutContract: 'LMA05',
  /** A grant to `IAM_ALLOWED_PRINCIPALS` (error). */
  iamAllowedPrincipals: 'LMA06',
  /** A grant to `*`, a whole account or a whole organization (error). */
  wildcardPrincipal: 'LMA07',
  /** A consumer grant gives the grant option (error). */
  grantOption: 'LMA08',
  /** A grant on a data cells filter that no template of the stack defines (warning). */
  filterNotFound: 'LMA09',
  /** A legacy `AWS::LakeFormation::Permissions` resource, not read into the matrix (warning). */
  legacyPermissions: 'LMA10',
  /** A grant on LF-Tags or a catalog, which the matrix does not expand (info). */
  notExpanded: 'LMA11',
} as const;

/** A grant expiring within this many days is a warning. */
export const EXPIRY_WARNING_DAYS = 30;
