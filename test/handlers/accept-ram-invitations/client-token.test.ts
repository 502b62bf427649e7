import { clientTokenFor } from '../../../lib/handlers/accept-ram-invitations/client-token';

const ARN = 'arn:aws:ram:eu-west-1:111111111111:resource-share-invitation/a93aa60a-1bd9-46e8-96db-a4e72eec1d9f';

test('is the same for the same invitation, run after run', () => {
  expect(clientTokenFor(ARN)).toBe(clientTokenFor(`${ARN}`));
});

test('differs between invitations', () => {
  expect(clientTokenFor(ARN)).not.toBe(clientTokenFor(ARN.replace(/f$/, 'e')));
});

test('is shaped like a version 8 uuid, as ram recommends a uuid', () => {
  expect(clientTokenFor(ARN)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
