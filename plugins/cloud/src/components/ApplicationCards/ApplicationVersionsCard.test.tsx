import { screen, within } from '@testing-library/react';
import { renderEntityPage } from '../../__testUtils__/renderEntityPage';
import { sifac, tenants } from '../../__testUtils__/entities';
import { applicationVersionsEntityCard } from '../../entityExtensions';

describe('ApplicationVersionsCard', () => {
  it("shows the application's offer", async () => {
    renderEntityPage(sifac, [applicationVersionsEntityCard]);

    expect(
      await screen.findByRole('heading', { name: 'Versions and environments' }),
    ).toBeInTheDocument();

    // Lifecycle and availability as a service, with its date.
    expect(screen.getByText('In production')).toBeInTheDocument();
    expect(screen.getByText('Available')).toBeInTheDocument();
    expect(screen.getByText(/since March 12, 2024/)).toBeInTheDocument();

    // Environments offered, labelled.
    const environments = screen
      .getByText('Environments offered')
      .closest('div')!;
    expect(
      within(environments)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['Production', 'Pre-production', 'Training']);

    // Versions: a table with headers, one row per version.
    const table = screen.getByRole('grid', { name: 'Versions of SIFAC' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual(['Version', 'Status', 'Release date']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      '2024.2SupportedNovember 4, 2024',
      '2023.1DeprecatedMarch 15, 2023',
      '2021.1End of lifeFebruary 1, 2021',
    ]);
    expect(
      within(rows[0]).getByText('November 4, 2024').closest('time'),
    ).toHaveAttribute('datetime', '2024-11-04');

    // Prerequisites and the replacing application.
    expect(
      screen.getByText('Fédération d’identités RENATER'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Convention de service signée'),
    ).toBeInTheDocument();
    expect(screen.getByText('Replaced by')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /sifac-ng/ })).toBeInTheDocument();
  });

  it('says so when there is no prerequisite and no replacement', async () => {
    renderEntityPage(
      {
        ...sifac,
        spec: {
          ...sifac.spec,
          prerequisites: undefined,
          replacedBy: undefined,
          saas: { status: 'planned' },
          lifecycle: 'experimental',
        },
      },
      [applicationVersionsEntityCard],
    );

    expect(await screen.findByText('Planned')).toBeInTheDocument();
    expect(screen.getByText('Experimental')).toBeInTheDocument();
    expect(screen.getByText('None')).toBeInTheDocument();
    expect(screen.queryByText('Replaced by')).not.toBeInTheDocument();
    expect(screen.queryByText(/since/)).not.toBeInTheDocument();
  });

  it('is not shown on other entities', async () => {
    renderEntityPage(tenants[0], [applicationVersionsEntityCard]);

    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
  });
});
