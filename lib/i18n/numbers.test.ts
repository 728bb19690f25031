import { describe, expect, it } from 'vitest';
import { formatMoneyIn, formatMoneyShortIn, formatNumberIn, formatPercentIn } from './numbers.ts';

describe('one number style per language', () => {
  it('groups thousands and marks decimals the way each language does', () => {
    expect(formatNumberIn(1234.5, 'id', 1)).toBe('1.234,5');
    expect(formatNumberIn(1234.5, 'en', 1)).toBe('1,234.5');
    expect(formatNumberIn(1234567, 'id')).toBe('1.234.567');
    expect(formatNumberIn(-1234.25, 'en', 2)).toBe('-1,234.25');
    expect(formatNumberIn(12.0, 'en', 2)).toBe('12');
    expect(formatNumberIn(-0.001, 'id', 2)).toBe('0');
  });

  it('writes percentages and Rupiah in the same style', () => {
    expect(formatPercentIn(12.5, 'id')).toBe('12,5%');
    expect(formatPercentIn(12.5, 'en')).toBe('12.5%');
    expect(formatPercentIn(null, 'en')).toBe('—');
    expect(formatMoneyIn(16800, 'id')).toBe('Rp16.800');
    expect(formatMoneyIn(16800, 'en')).toBe('Rp16,800');
    expect(formatMoneyIn(-2500, 'en')).toBe('-Rp2,500');
    expect(formatMoneyShortIn(3_024_000_000, 'id')).toBe('Rp3,02 miliar');
    expect(formatMoneyShortIn(3_024_000_000, 'en')).toBe('Rp3.02 billion');
    expect(formatMoneyShortIn(201_600_000, 'en')).toBe('Rp201.6 million');
    expect(formatMoneyShortIn(950_000, 'en')).toBe('Rp950,000');
  });
});
