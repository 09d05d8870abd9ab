import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderEntityPage } from '../../__testUtils__/renderEntityPage';
import {
  amueTeam,
  bordeaux,
  lille,
  sifac,
  tenants,
} from '../../__testUtils__/entities';
import { applicationInstancesEntityCard } from '../../entityExtensions';

function rowTexts(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      Array.from(row.querySelectorAll('th, td')).map(cell => cell.textContent),
    );
}

describe('ApplicationInstancesCard', () => {
  it('lists the tenants of the application found through their instanceOf relation', async () => {
    renderEntityPage(
      sifac,
      [applicationInstancesEntityCard],
      [...tenants, bordeaux, lille, amueTeam],
    );

    const table = await screen.findByRole('grid', {
      name: 'Hosted instances of SIFAC',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual(['Establishment', 'Environment', 'Version', 'Status']);

    // The four SIFAC tenants; the SIHAM tenant is of another application.
    expect(rowTexts(table)).toEqual([
      [
        'etab-0333298fUAI 0333298F',
        'Production — sifac-0333298f-production',
        '2024.2',
        'Live',
      ],
      [
        'etab-0333298fUAI 0333298F',
        'Training — sifac-0333298f-formation',
        '2023.1',
        'Onboarding',
      ],
      [
        'etab-0597239yUAI 0597239Y',
        'Production — sifac-0597239y-production',
        '2024.2',
        'Requested',
      ],
      [
        'etab-0751717jUAI 0751717J',
        'Test — sifac-0751717j-test',
        '2024.2',
        'Decommissioned',
      ],
    ]);

    // Links lead to the establishment and, from the environment, to the tenant.
    const first = within(table).getAllByRole('row')[1];
    expect(
      within(first).getByRole('link', { name: /etab-0333298f/ }),
    ).toHaveAttribute('href', '/catalog/default/group/etab-0333298f');
    expect(
      within(first).getByRole('link', {
        name: 'Production — sifac-0333298f-production',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/tenant/sifac-0333298f-production',
    );

    // Figures: the decommissioned tenant's establishment is not served.
    expect(screen.getByText('4 hosted instances')).toBeInTheDocument();
    expect(screen.getByText('2 establishments served')).toBeInTheDocument();
    expect(screen.getByText('1 live')).toBeInTheDocument();
    // Nothing is said about tenants the reader may not see.
    expect(screen.queryByText(/not shown/)).not.toBeInTheDocument();
  });

  it('sorts by a column on request', async () => {
    renderEntityPage(
      sifac,
      [applicationInstancesEntityCard],
      [...tenants, bordeaux, lille],
    );
    const table = await screen.findByRole('grid');

    await userEvent.click(
      within(table).getByRole('columnheader', { name: 'Status' }),
    );
    expect(rowTexts(table).map(row => row[3])).toEqual([
      'Decommissioned',
      'Live',
      'Onboarding',
      'Requested',
    ]);
  });

  it('says so when the application has no instance', async () => {
    renderEntityPage({ ...sifac, metadata: { name: 'sifac-ng' } }, [
      applicationInstancesEntityCard,
    ]);

    expect(
      await screen.findByText('No hosted instance yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });
});
