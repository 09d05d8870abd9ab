import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityKindPicker,
  EntityListProvider,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  amueTeam,
  bordeaux,
  lille,
  sifac,
  tenants,
} from '../../__testUtils__/entities';
import { EntityEstablishmentPicker } from './EntityEstablishmentPicker';

/** The names the catalog list currently holds. */
function ListedNames() {
  const { entities, loading } = useEntityList();
  return (
    <ul aria-label="listed" aria-busy={loading}>
      {entities.map(entity => (
        <li key={entity.metadata.name}>{entity.metadata.name}</li>
      ))}
    </ul>
  );
}

function renderCatalogIndex(
  initialKind: string,
  pagination: false | { mode: 'offset'; limit: number },
) {
  return renderInTestApp(
    <EntityListProvider pagination={pagination}>
      <EntityKindPicker initialFilter={initialKind} />
      <EntityEstablishmentPicker />
      <ListedNames />
    </EntityListProvider>,
    {
      apis: [
        catalogApiMock({
          entities: [...tenants, sifac, bordeaux, lille, amueTeam],
        }),
      ],
    },
  );
}

async function listed() {
  const list = screen.getByRole('list', { name: 'listed' });
  return within(list)
    .queryAllByRole('listitem')
    .map(item => item.textContent);
}

describe('EntityEstablishmentPicker', () => {
  it.each([
    ['not paginated', false as const],
    ['paginated', { mode: 'offset' as const, limit: 20 }],
  ])(
    'filters the listed tenants by establishment (%s)',
    async (_, pagination) => {
      renderCatalogIndex('tenant', pagination);

      const input = await screen.findByRole('textbox', {
        name: 'Establishment',
      });
      await waitFor(async () => expect(await listed()).toHaveLength(5));

      await userEvent.click(input);
      await waitFor(() =>
        expect(
          screen
            .getAllByRole('option')
            .map(option => option.textContent)
            .sort(),
        ).toEqual([
          'Université de Bordeaux (0333298F)',
          'Université de Lille (0597239Y)',
          'etab-0751717j (0751717J)',
        ]),
      );

      await userEvent.click(
        screen.getByRole('option', { name: 'Université de Lille (0597239Y)' }),
      );
      await waitFor(async () =>
        expect(await listed()).toEqual(['sifac-0597239y-production']),
      );

      // The choice can be found by UAI too, and adds up.
      await userEvent.type(input, '0333298');
      await userEvent.click(
        await screen.findByRole('option', {
          name: 'Université de Bordeaux (0333298F)',
        }),
      );
      await waitFor(async () =>
        expect((await listed()).sort()).toEqual([
          'sifac-0333298f-formation',
          'sifac-0333298f-production',
          'sifac-0597239y-production',
          'siham-0333298f-production',
        ]),
      );
    },
  );

  it('is not offered when the list shows another kind', async () => {
    renderCatalogIndex('group', false);

    await waitFor(async () =>
      expect((await listed()).sort()).toEqual([
        'equipe-sifac',
        'etab-0333298f',
        'etab-0597239y',
      ]),
    );
    expect(
      screen.queryByRole('textbox', { name: 'Establishment' }),
    ).not.toBeInTheDocument();
  });
});
