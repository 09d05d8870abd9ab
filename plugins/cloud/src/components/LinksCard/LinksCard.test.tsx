import { screen } from '@testing-library/react';
import { renderEntityPage } from '../../__testUtils__/renderEntityPage';
import { sifac } from '../../__testUtils__/entities';
import { linksEntityCard } from '../../entityExtensions';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/** A card that says it rendered, after the links card in the page. */
const renderedCard = EntityCardBlueprint.make({
  name: 'rendered',
  params: { loader: async () => <p>rendered</p> },
});

describe('LinksCard', () => {
  it('lists the web links, each saying it opens a new window', async () => {
    renderEntityPage(
      {
        ...sifac,
        metadata: {
          ...sifac.metadata,
          links: [
            { url: 'https://www.amue.fr/finances/', title: 'Page produit' },
            { url: 'https://example.org/guide' },
            // Not a web link (mail, scripts): not shown.
            { url: 'mailto:dsi@example.org', title: 'Piège' },
          ],
        },
      },
      [linksEntityCard],
    );

    expect(
      await screen.findByRole('heading', { name: 'Links' }),
    ).toBeInTheDocument();
    const product = screen.getByRole('link', {
      name: 'Page produit (opens in a new window)',
    });
    expect(product).toHaveAttribute('href', 'https://www.amue.fr/finances/');
    expect(product).toHaveAttribute('target', '_blank');
    expect(
      screen.getByRole('link', {
        name: 'https://example.org/guide (opens in a new window)',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Piège')).not.toBeInTheDocument();
    expect(
      screen.getAllByRole('link', { name: /opens in a new window/ }),
    ).toHaveLength(2);
  });

  it('shows nothing for an entity without links', async () => {
    renderEntityPage(sifac, [linksEntityCard, renderedCard]);
    // Another card of the page has rendered: the links card had its turn.
    expect(await screen.findByText('rendered')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Links' })).toBeNull();
  });
});
