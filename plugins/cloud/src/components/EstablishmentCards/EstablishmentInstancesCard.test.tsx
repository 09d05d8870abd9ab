import { screen, within } from '@testing-library/react';
import { renderEntityPage } from '../../__testUtils__/renderEntityPage';
import {
  amueTeam,
  bordeaux,
  lille,
  sifac,
  tenants,
} from '../../__testUtils__/entities';
import { establishmentInstancesEntityCard } from '../../entityExtensions';

describe('EstablishmentInstancesCard', () => {
  it("lists the establishment's tenants found through ownerOf", async () => {
    renderEntityPage(
      bordeaux,
      [establishmentInstancesEntityCard],
      [...tenants, sifac],
    );

    const table = await screen.findByRole('grid', {
      name: 'Hosted instances of Université de Bordeaux',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual(['Application', 'Environment', 'Version', 'Status']);
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map(row =>
          Array.from(row.querySelectorAll('th, td')).map(
            cell => cell.textContent,
          ),
        ),
    ).toEqual([
      ['sifac', 'Production — sifac-0333298f-production', '2024.2', 'Live'],
      ['sifac', 'Training — sifac-0333298f-formation', '2023.1', 'Onboarding'],
      ['siham', 'Production — siham-0333298f-production', '2024.2', 'Live'],
    ]);
    expect(
      within(table).getByRole('link', {
        name: 'Training — sifac-0333298f-formation',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/tenant/sifac-0333298f-formation',
    );
    expect(within(table).getByRole('link', { name: 'siham' })).toHaveAttribute(
      'href',
      '/catalog/default/application/siham',
    );

    expect(screen.getByText('3 hosted instances')).toBeInTheDocument();
    expect(screen.getByText('2 applications')).toBeInTheDocument();
    expect(screen.getByText('2 live')).toBeInTheDocument();
    // The Component the Group owns is not a tenant: nothing is hidden.
    expect(screen.queryByText(/not shown/)).not.toBeInTheDocument();
  });

  it('says so when the establishment has no instance', async () => {
    renderEntityPage(lille, [establishmentInstancesEntityCard]);

    expect(
      await screen.findByText('No hosted instance yet.'),
    ).toBeInTheDocument();
  });

  it('is only shown on establishment groups', async () => {
    renderEntityPage(amueTeam, [establishmentInstancesEntityCard]);

    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
  });
});
