/**
 * The name of the IAM role that the central governance account uses to register a domain's S3
 * location in its own Lake Formation (central-catalog model). The domain stack trusts this name in
 * its bucket and key policies before the role exists, so both sides must derive it the same way:
 * the governance stack imports this function instead of spelling the name itself.
 */
import { createHash } from 'node:crypto';

/** IAM role names are at most 64 characters. */
export const MAX_ROLE_NAME_LENGTH = 64;

const SUFFIX = '-registration';

/**
 * `<mesh>-<domain>-registration`, e.g. `retail-sales-registration`. A name that would pass 64
 * characters keeps its start and ends in a hash of the full name, so it stays unique and stable.
 */
export function registrationRoleName(meshName: string, domainName: string): string {
  const name = `${meshName}-${domainName}${SUFFIX}`;
  if (name.length <= MAX_ROLE_NAME_LENGTH) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const keep = MAX_ROLE_NAME_LENGTH - SUFFIX.length - hash.length - 1;
  const start = `${meshName}-${domainName}`.slice(0, keep).replace(/-+$/, '');
  return `${start}-${hash}${SUFFIX}`;
}
