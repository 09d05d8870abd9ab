import {
  establishmentGroupName,
  ownerGroupRef,
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

describe('naming, edges', () => {
  it('trims before naming', () => {
    expect(establishmentGroupName(' 0333298F ')).toBe('etab-0333298f');
    expect(tenantName(' SIFAC', '0333298F', 'Production ')).toBe(
      'sifac-0333298f-production',
    );
  });

  it.each([
    ['ETAB-0333298F', '0333298F'],
    ['Group:default/Etab-0333298f', '0333298F'],
    ['etab-', undefined],
    ['xetab-0333298f', undefined],
  ])('reads the UAI of %s, whatever its case', (ref, uai) => {
    expect(uaiOfEstablishment(ref)).toBe(uai);
  });

  it.each([
    ['amue-equipe-finance', 'group:default/amue-equipe-finance'],
    ['  amue-equipe-finance ', 'group:default/amue-equipe-finance'],
    ['group:amue/equipe', 'group:amue/equipe'],
    ['user:default/marc.petit', 'user:default/marc.petit'],
    ['', undefined],
    ['   ', undefined],
    [42, undefined],
    [undefined, undefined],
    ['group:', undefined],
  ])('reads the owner %j as %s', (owner, ref) => {
    expect(ownerGroupRef(owner)).toBe(ref);
  });
});
