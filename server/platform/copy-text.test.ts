import { describe, expect, it } from 'vitest';
import { copyText } from './copy-text.ts';

describe('copyText', () => {
  it('writes NULL, escapes, numbers and text arrays as COPY text expects', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(copyText('Jl. Samas\tKm 5\nDusun\\Gaten\r')).toBe('Jl. Samas\\tKm 5\\nDusun\\\\Gaten\\r');
    expect(copyText(1500000)).toBe('1500000');
    expect(copyText(['decile_1', 'a"b'])).toBe('{"decile_1","a\\\\"b"}');
    expect(copyText('Siti Aminah')).toBe('Siti Aminah');
  });
});
