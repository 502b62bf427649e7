/**
 * Which of its admins this resource must never remove, because they were already admins when it was
 * created (someone else put them there). CloudFormation gives a custom resource one durable field,
 * its physical id, so the record lives there: a short fingerprint per admin, fixed at create.
 *
 * The physical id must not change on update (CloudFormation would treat that as a replacement and
 * send a delete for the old id), so admins that someone else added between create and a later
 * update that lists them are not recorded: this resource removes those when it lets them go.
 */
import { createHash } from 'node:crypto';

export const PHYSICAL_ID_PREFIX = 'lakemesh-data-lake-settings';
const KEPT_MARKER = ':kept=';
const FINGERPRINT_LENGTH = 12;
/** CloudFormation accepts physical ids up to 1 KB. */
export const MAX_PHYSICAL_ID_LENGTH = 1024;

export function fingerprint(principalArn: string): string {
  return createHash('sha256').update(principalArn).digest('hex').slice(0, FINGERPRINT_LENGTH);
}

/**
 * The physical id recording `preExisting`. Returns the admins that did not fit in the id too (with
 * 12 hex characters each, that needs more than 76 pre-existing admins), so the caller can log them.
 */
export function recordPreExisting(preExisting: readonly string[]): { physicalId: string; unrecorded: string[] } {
  if (preExisting.length === 0) return { physicalId: PHYSICAL_ID_PREFIX, unrecorded: [] };
  const room = Math.floor((MAX_PHYSICAL_ID_LENGTH - PHYSICAL_ID_PREFIX.length - KEPT_MARKER.length + 1) / (FINGERPRINT_LENGTH + 1));
  const recorded = preExisting.slice(0, room);
  return {
    physicalId: `${PHYSICAL_ID_PREFIX}${KEPT_MARKER}${recorded.map(fingerprint).join('.')}`,
    unrecorded: preExisting.slice(room),
  };
}

/** Reads a physical id written by `recordPreExisting`; any other id records nothing. */
export function readPreExisting(physicalId: string | undefined): (principalArn: string) => boolean {
  const marker = `${PHYSICAL_ID_PREFIX}${KEPT_MARKER}`;
  const fingerprints = new Set(physicalId?.startsWith(marker) ? physicalId.slice(marker.length).split('.') : []);
  return (principalArn) => fingerprints.has(fingerprint(principalArn));
}
