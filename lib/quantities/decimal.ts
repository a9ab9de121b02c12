/**
 * Multiplies by a power of ten through the decimal string, so 1.1 × 10⁸ is 110000000 and not
 * 110000000.00000001 as plain floating-point multiplication gives.
 */
export function timesPowerOfTen(value: number, exponent: number): number {
  const written = String(value);
  if (written.includes("e")) return value * 10 ** exponent;
  return Number(`${written}e${exponent}`);
}
