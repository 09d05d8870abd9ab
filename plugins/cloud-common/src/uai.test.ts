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

describe('UAI codes, edges', () => {
  it.each([['   '], ['\t']])('requires a code, not blanks (%j)', value => {
    expect(checkUai(value)).toEqual({
      valid: false,
      reason: 'a UAI code is required',
    });
  });

  it.each([['X0690187D'], ['0690187DD'], ['0690187'], ['0690 187D']])(
    'rejects the shape of %j, naming it',
    value => {
      expect(checkUai(value)).toEqual({
        valid: false,
        reason: `"${value}" is not a UAI code: expected 7 digits followed by a letter`,
      });
    },
  );

  it('names the value and the expected letter', () => {
    expect(checkUai('0690187e')).toEqual({
      valid: false,
      reason: '"0690187e" has a wrong check letter: expected D',
    });
  });

  it('computes the check letter of every remainder, skipping I, O and Q', () => {
    // The remainders 0 to 22 give the 23 letters in order.
    const letters = Array.from({ length: 23 }, (_, remainder) =>
      uaiCheckLetter(String(23 * 1000 + remainder).padStart(7, '0')),
    ).join('');
    expect(letters).toBe('ABCDEFGHJKLMNPRSTUVWXYZ');
  });

  it.each([['12345678'], ['a123456'], ['123456a'], ['']])(
    'computes a check letter from exactly 7 digits (%j)',
    digits => {
      expect(() => uaiCheckLetter(digits)).toThrow(
        `expected 7 digits, got "${digits}"`,
      );
    },
  );
});
