import {
  FEDERATION_REFUSAL_CODES,
  federationRefusalMessage,
  parseFederationRefusal,
} from './federation';

describe('federation refusals', () => {
  it.each(FEDERATION_REFUSAL_CODES.map(code => [code]))(
    'writes and reads back %s',
    code => {
      const message = federationRefusalMessage({
        code,
        values: ['0123456W', 'student'],
      });
      expect(message).toMatch(/^Sign-in refused: /);
      expect(parseFederationRefusal(message)).toEqual({
        code,
        values: ['0123456W', 'student'],
      });
    },
  );

  it('names the unknown UAI in English', () => {
    expect(
      federationRefusalMessage({
        code: 'unknown-establishment',
        values: ['0123456W'],
      }),
    ).toBe(
      'Sign-in refused: the establishment 0123456W is not a member establishment of the portal (federation-refusal unknown-establishment 0123456W)',
    );
  });

  it('keeps only tame characters of the values sent by an identity provider', () => {
    const message = federationRefusalMessage({
      code: 'affiliation-not-allowed',
      values: ['student) (federation-refusal x', '<b>member</b>'],
    });
    expect(parseFederationRefusal(message)).toEqual({
      code: 'affiliation-not-allowed',
      values: ['studentfederation-refusalx', 'bmemberb'],
    });
  });

  it('reads nothing from other messages', () => {
    expect(parseFederationRefusal(undefined)).toBeUndefined();
    expect(parseFederationRefusal('Login failed')).toBeUndefined();
    expect(
      parseFederationRefusal('x (federation-refusal not-a-code 1)'),
    ).toBeUndefined();
  });
});
