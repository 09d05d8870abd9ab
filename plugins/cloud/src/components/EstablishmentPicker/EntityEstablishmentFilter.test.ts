import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { bordeaux, lille, sifac, tenants } from '../../__testUtils__/entities';
import {
  EntityEstablishmentFilter,
  establishmentSpellings,
} from './EntityEstablishmentFilter';

describe('EntityEstablishmentFilter', () => {
  it('knows every spelling of an establishment ref', () => {
    expect(establishmentSpellings('etab-0333298f')).toEqual([
      'etab-0333298f',
      'default/etab-0333298f',
      'group:default/etab-0333298f',
      'group:etab-0333298f',
    ]);
    expect(establishmentSpellings('Group:Default/ETAB-0597239Y')).toEqual(
      establishmentSpellings('etab-0597239y'),
    );
    expect(establishmentSpellings('group:other/etab-0333298f')).toEqual([
      'other/etab-0333298f',
      'group:other/etab-0333298f',
    ]);
  });

  it('asks the catalog for the tenants of the chosen establishments', async () => {
    const catalogApi = catalogApiMock({
      entities: [...tenants, sifac, bordeaux, lille],
    });
    const filter = new EntityEstablishmentFilter([
      'group:default/etab-0597239y',
      'etab-0751717j',
    ]);

    const { items } = await catalogApi.getEntities({
      filter: { kind: 'tenant', ...filter.getCatalogFilters() },
    });

    // Whatever way each tenant spells its establishment.
    expect(items.map(e => e.metadata.name).sort()).toEqual([
      'sifac-0597239y-production',
      'sifac-0751717j-test',
    ]);
  });

  it('applies the same rule in the browser', () => {
    const filter = new EntityEstablishmentFilter(['etab-0333298f']);

    expect(
      tenants.filter(t => filter.filterEntity(t)).map(t => t.metadata.name),
    ).toEqual([
      'sifac-0333298f-production',
      'sifac-0333298f-formation',
      'siham-0333298f-production',
    ]);
    expect(filter.filterEntity(sifac)).toBe(false);
  });

  it('keeps the chosen values in the URL', () => {
    expect(
      new EntityEstablishmentFilter(['etab-0333298f']).toQueryValue(),
    ).toEqual(['etab-0333298f']);
  });
});
