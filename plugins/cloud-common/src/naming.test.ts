import {
  establishmentGroupName,
  refName,
  tenantName,
  uaiOfEstablishment,
} from './naming';

describe('naming', () => {
  it('names establishment groups etab-<uai> in lowercase', () => {
    expect(establishmentGroupName('0333298F')).toBe('etab-0333298f');
  });

  it.each([
    ['etab-0333298f', '0333298F'],
    ['group:default/etab-0333298f', '0333298F'],
    ['group:etab-0597239y', '0597239Y'],
    ['etab-0333298g', undefined],
    ['amue-admins', undefined],
  ])('reads the UAI of %s', (ref, uai) => {
    expect(uaiOfEstablishment(ref)).toBe(uai);
  });

  it('names tenants <application>-<uai>-<environment> in lowercase', () => {
    expect(tenantName('SIFAC', '0333298F', 'Production')).toBe(
      'sifac-0333298f-production',
    );
  });

  it.each([
    ['application:default/sifac', 'sifac'],
    ['application:sifac', 'sifac'],
    ['sifac', 'sifac'],
  ])('reads the name of %s', (ref, name) => {
    expect(refName(ref)).toBe(name);
  });
});
