import { CONTRACT_CODES } from '../../lib/contract/codes';

describe('CONTRACT_CODES', () => {
  const codes = Object.values(CONTRACT_CODES);

  test('lie in LM100–LM199', () => {
    expect(codes.filter((code) => !/^LM1\d\d$/.test(code))).toEqual([]);
  });

  test('are unique', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });
});
