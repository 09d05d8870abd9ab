import { mockServices } from '@backstage/backend-test-utils';
import { readEnvelope } from './fundingConfig';

const configOf = (data: object) => mockServices.rootConfig({ data });

describe('readEnvelope', () => {
  it('reads the envelope in whole euros', () => {
    expect(
      readEnvelope(configOf({ cloud: { funding: { envelopeEur: 12500000 } } })),
    ).toBe(12500000);
  });

  it('is null when the envelope is not configured', () => {
    expect(readEnvelope(configOf({ cloud: {} }))).toBeNull();
  });

  it.each([[-1], [12.5], ['12 M€']])(
    'refuses %p, naming the key and the rule',
    value => {
      expect(() =>
        readEnvelope(configOf({ cloud: { funding: { envelopeEur: value } } })),
      ).toThrow(
        /cloud\.funding\.envelopeEur must be a whole number of euros from 0/,
      );
    },
  );
});
