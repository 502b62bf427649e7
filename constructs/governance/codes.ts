/** Error codes of the governance constructs (LM420–LM439). */
export const GOVERNANCE_CODES = {
  emptyTag: 'LM420',
  unknownTag: 'LM421',
  unknownProduct: 'LM422',
  duplicateProduct: 'LM423',
} as const;
