import {
  affiliationsOf,
  claimValues,
  domainOf,
  uaisOf,
  userNameOfPrincipal,
} from './claims';

describe('claims', () => {
  it('reads single and multi-valued claims', () => {
    const claims = {
      one: ' staff ',
      many: ['member', '', 'employee', 42],
      joined: 'staff;member',
    };
    expect(claimValues(claims, 'one')).toEqual(['staff']);
    expect(claimValues(claims, 'many')).toEqual(['member', 'employee']);
    expect(claimValues(claims, 'joined')).toEqual(['staff', 'member']);
    expect(claimValues(claims, 'missing')).toEqual([]);
  });

  it('keeps the valid UAI codes of supannEtablissement values', () => {
    expect(
      uaisOf([
        '{UAI}0333298F',
        '{uai}0332929e',
        '{UAI}0333298F',
        '{SIRET}13001835100010',
        '{UAI}0333298A',
        '0597239Y',
      ]),
    ).toEqual(['0333298F', '0332929E']);
  });

  it('strips the scope of affiliations', () => {
    expect(affiliationsOf(['Staff@u-bordeaux.fr', 'member', 'staff'])).toEqual([
      'staff',
      'member',
    ]);
  });

  it.each([
    ['Jean.Dupont@u-bordeaux.fr', 'jean.dupont_u-bordeaux.fr'],
    ['élodie.çà@univ-lille.fr', 'elodie.ca_univ-lille.fr'],
    ['a b!!c@x.fr', 'a-b-c_x.fr'],
    ['-.x@y.fr.', 'x_y.fr'],
    ['@@@', undefined],
  ])('names the User of %j %j', (principal, name) => {
    expect(userNameOfPrincipal(principal)).toBe(name);
  });

  it('shortens long principal names with a hash, at most 63 characters', () => {
    const long = `${'a'.repeat(80)}@u-bordeaux.fr`;
    const other = `${'a'.repeat(81)}@u-bordeaux.fr`;
    const name = userNameOfPrincipal(long)!;
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^a+-[0-9a-f]{8}$/);
    expect(userNameOfPrincipal(other)).not.toBe(name);
  });

  it('reads domains', () => {
    expect(domainOf('x@Amue.fr')).toBe('amue.fr');
    expect(domainOf('x')).toBeUndefined();
    expect(domainOf(undefined)).toBeUndefined();
  });
});
