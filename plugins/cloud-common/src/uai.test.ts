import { checkUai, isValidUai, uaiCheckLetter } from './uai';

describe('UAI codes', () => {
  it.each([
    ['0333298F', 'Université de Bordeaux'],
    ['0597239Y', 'Université de Lille'],
    ['0690187D', 'Centrale Lyon'],
  ])('accepts %s (%s)', uai => {
    expect(checkUai(uai)).toEqual({ valid: true, uai });
    expect(isValidUai(uai)).toBe(true);
  });

  it('normalises lowercase input', () => {
    expect(checkUai(' 0690187d ')).toEqual({ valid: true, uai: '0690187D' });
  });

  it('computes the check letter from the digits modulo 23', () => {
    expect(uaiCheckLetter('0690187')).toBe('D');
    expect(() => uaiCheckLetter('123')).toThrow('expected 7 digits');
  });

  it.each([
    [undefined, 'a UAI code is required'],
    ['', 'a UAI code is required'],
    [42, 'a UAI code is required'],
    ['069018D', 'expected 7 digits followed by a letter'],
    ['06901877', 'expected 7 digits followed by a letter'],
    ['0690187E', 'wrong check letter: expected D'],
  ])('rejects %p with "%s"', (value, message) => {
    const result = checkUai(value);
    expect(result.valid).toBe(false);
    expect(!result.valid && result.reason).toContain(message);
    expect(isValidUai(value)).toBe(false);
  });
});
