import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import { sifac } from '../../__testUtils__/entities';
import { OfferPage } from './OfferPage';

/** An application of the offer, shaped like the test SIFAC. */
function application(
  name: string,
  title: string,
  status: string,
  prerequisites?: string[],
) {
  return {
    ...sifac,
    metadata: { ...sifac.metadata, name, title },
    spec: { ...sifac.spec, saas: { status }, prerequisites },
  };
}

const entities = [
  application('geslab', 'Geslab', 'planned'),
  application('siham', 'SIHAM', 'pilot'),
  application('sifac', 'SIFAC', 'available', [
    'La convention de service est signée.',
  ]),
  application('apogee', 'Apogée', 'unavailable'),
];

describe('OfferPage', () => {
  it('shows the applications offered, available first, each requestable but the planned ones', async () => {
    await renderInTestApp(<OfferPage />, {
      apis: [catalogApiMock({ entities })],
    });

    const titles = await screen.findAllByRole('heading', { level: 3 });
    expect(titles.map(h => h.textContent)).toEqual([
      'SIFAC',
      'SIHAM',
      'Geslab',
    ]);
    expect(screen.queryByText('Apogée')).not.toBeInTheDocument();

    const card = screen.getByRole('article', { name: 'SIFAC' });
    expect(within(card).getByText('Available')).toBeInTheDocument();
    // Environments in words, production first; no end-of-life version.
    const environments = within(card)
      .getAllByRole('listitem')
      .map(item => item.textContent);
    expect(environments.slice(0, 3)).toEqual([
      'Production',
      'Pre-production',
      'Training',
    ]);
    expect(within(card).getByText('2024.2 (Supported)')).toBeInTheDocument();
    expect(within(card).getByText('2023.1 (Deprecated)')).toBeInTheDocument();
    expect(within(card).queryByText(/2021\.1/)).not.toBeInTheDocument();
    expect(
      within(card).getByText('La convention de service est signée.'),
    ).toBeInTheDocument();
    expect(
      within(card).getByRole('link', {
        name: 'Request an instance of SIFAC',
      }),
    ).toHaveAttribute(
      'href',
      `/create/templates/default/demander-une-instance?${new URLSearchParams({
        formData: JSON.stringify({ application: 'application:default/sifac' }),
      })}`,
    );
    expect(
      within(card).getByRole('link', { name: 'Documentation of SIFAC' }),
    ).toHaveAttribute('href', '/docs/default/application/sifac');

    const geslab = screen.getByRole('article', { name: 'Geslab' });
    expect(within(geslab).getByText('Planned')).toBeInTheDocument();
    expect(
      within(geslab).getByText('Not open to requests yet'),
    ).toBeInTheDocument();
    expect(
      within(geslab).queryByRole('link', { name: /Request/ }),
    ).not.toBeInTheDocument();
    expect(within(geslab).getByText('None')).toBeInTheDocument();
  });

  it('says so when nothing is offered', async () => {
    await renderInTestApp(<OfferPage />, {
      apis: [catalogApiMock({ entities: [entities[3]] })],
    });
    expect(
      await screen.findByText('No application is offered as a service yet.'),
    ).toBeInTheDocument();
  });
});
