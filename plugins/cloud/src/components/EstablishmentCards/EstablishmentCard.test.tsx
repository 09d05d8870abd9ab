import type { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import { renderEntityPage } from '../../__testUtils__/renderEntityPage';
import { amueTeam, bordeaux, lille } from '../../__testUtils__/entities';
import { establishmentEntityCard } from '../../entityExtensions';

function field(label: string) {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

describe('EstablishmentCard', () => {
  it("shows the establishment's identity", async () => {
    renderEntityPage(bordeaux, [establishmentEntityCard]);

    expect(
      await screen.findByRole('heading', { name: 'Establishment' }),
    ).toBeInTheDocument();
    expect(field('UAI code')).toHaveTextContent('0333298F');
    expect(field('Former UAI codes')).toHaveTextContent('0331766R, 0331767S');
    expect(field('Region')).toHaveTextContent('Nouvelle-Aquitaine');
    expect(field('Académie (education authority)')).toHaveTextContent(
      'Bordeaux',
    );
    expect(
      screen.getByRole('link', {
        name: 'https://www.u-bordeaux.fr/ (opens in a new window)',
      }),
    ).toHaveAttribute('href', 'https://www.u-bordeaux.fr/');
  });

  it('names places from their slugs and says what is missing', async () => {
    const abroad: Entity = {
      ...lille,
      metadata: {
        ...lille.metadata,
        labels: {
          'cloud.amue.fr/region': 'etranger',
          'cloud.amue.fr/academie': 'saint-denis-de-la-reunion',
        },
      },
    };
    renderEntityPage(abroad, [establishmentEntityCard]);

    expect(await screen.findByText('Abroad')).toBeInTheDocument();
    expect(field('Académie (education authority)')).toHaveTextContent(
      'Saint-Denis-de-la-Reunion',
    );
    expect(field('Former UAI codes')).toHaveTextContent('None');
    expect(field('Website')).toHaveTextContent('Not provided');
  });

  it('is only shown on establishment groups', async () => {
    renderEntityPage(amueTeam, [establishmentEntityCard]);

    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
  });
});
