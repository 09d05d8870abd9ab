import { useApi } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogGraphApiRef } from '@backstage/plugin-catalog-graph';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import { screen } from '@testing-library/react';
import { catalogGraphModuleCloud } from './catalogGraph';

function GraphRelations() {
  const api = useApi(catalogGraphApiRef);
  return (
    <>
      <p>default: {api.defaultRelations.join(' ')}</p>
      <p>
        pairs: {api.knownRelationPairs.map(pair => pair.join('/')).join(' ')}
      </p>
    </>
  );
}

describe('catalogGraphModuleCloud', () => {
  it("adds the Application/Tenant relations to the catalog graph plugin's API", async () => {
    renderInTestApp(<GraphRelations />, {
      features: [catalogGraphPlugin, catalogGraphModuleCloud],
    });

    const defaults = await screen.findByText(/^default:/);
    expect(defaults.textContent!.split(' ')).toEqual(
      expect.arrayContaining([
        'hasInstance',
        'instanceOf',
        'ownedBy',
        'partOf',
      ]),
    );
    const pairs = screen.getByText(/^pairs:/).textContent!.split(' ');
    expect(pairs).toEqual(
      expect.arrayContaining(['hasInstance/instanceOf', 'ownerOf/ownedBy']),
    );
  });
});
