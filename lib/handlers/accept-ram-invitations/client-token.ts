import { createHash } from 'node:crypto';

/**
 * The idempotency token for accepting one invitation: a UUID (version 8, name-based) derived from the
 * invitation ARN. A retried Lambda, a second poll round or a later stack update sends the same token
 * for the same invitation, so RAM treats the repeat as the same request. RAM asks for a UUID-shaped
 * token, and a token may not be reused with different parameters, hence one per invitation ARN.
 */
export function clientTokenFor(invitationArn: string): string {
  const bytes = createHash('sha256').update(`lakemesh:accept-resource-share-invitation:${invitationArn}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
