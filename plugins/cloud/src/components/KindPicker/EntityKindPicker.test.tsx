import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
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
import { EntityKindPicker } from './EntityKindPicker';

/** The names the catalog list currently holds. */
function ListedNames() {
  const { entities } = useEntityList();
  return (
    <ul aria-label="listed">
      {entities.map(entity => (
        <li key={entity.metadata.name}>{entity.metadata.name}</li>
      ))}
    </ul>
  );
}

function listed() {
  const list = screen.getByRole('list', { name: 'listed' });
  return within(list)
    .queryAllByRole('listitem')
    .map(item => item.textContent)
    .sort();
}

describe('EntityKindPicker', () => {
  it('lists the applications first, and names every kind in words', async () => {
    await renderInTestApp(
      <EntityListProvider pagination={false}>
        <EntityKindPicker />
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

    await waitFor(() => expect(listed()).toEqual(['sifac']));
    expect(screen.getByRole('button', { name: /Applications/ })).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: /Applications/ }));
    await waitFor(() =>
      expect(
        screen.getAllByRole('option').map(option => option.textContent),
      ).toEqual([
        'Applications',
        'Hosted instances',
        'Establishments and teams',
      ]),
    );
    await userEvent.click(
      screen.getByRole('option', { name: 'Hosted instances' }),
    );
    await waitFor(() =>
      expect(listed()).toEqual(tenants.map(t => t.metadata.name).sort()),
    );
  });
});
