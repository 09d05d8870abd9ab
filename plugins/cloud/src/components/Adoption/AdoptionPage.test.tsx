import { ResponseError } from '@backstage/errors';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloudApiRef } from '../../api';
import { AdoptionPage } from './AdoptionPage';
import {
  adoptionReport,
  blockedReport,
  durationsReport,
  funnelReport,
  mockCloudApi,
} from './__testUtils__/testData';
import { toggleDisclosure } from './__testUtils__/disclosure';

function renderPage(cloudApi = mockCloudApi()) {
  renderInTestApp(<AdoptionPage />, {
    apis: [
      [cloudApiRef, cloudApi],
      mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return cloudApi;
}

/** The text of each body row of a table, cell by cell. */
function bodyRows(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      Array.from(row.querySelectorAll('th, td')).map(cell =>
        (cell.textContent ?? '').trim(),
      ),
    );
}

describe('AdoptionPage', () => {
  it('draws each view from the reports of the backend', async () => {
    const cloudApi = renderPage();

    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Adoption by application',
      }),
    ).toBeInTheDocument();
    expect(cloudApi.getReport).toHaveBeenCalledTimes(4);
    expect(
      screen.getByText(/^The figures count the hosted instances you may read/),
    ).toBeInTheDocument();
    expect(cloudApi.getReport.mock.calls.map(([name]) => name).sort()).toEqual([
      'adoption',
      'blocked',
      'durations',
      'funnel',
    ]);

    // The stacked bar chart: named by its figures, drawn with bars.
    const chart = screen.getByRole('img', {
      name: /^Stacked bar chart, establishments out of 4:/,
    });
    expect(chart).toHaveAccessibleName(
      'Stacked bar chart, establishments out of 4: SIFAC: 1 live, 2 in progress, 1 not started ; SIHAM: 0 live, 1 in progress, 3 not started',
    );
    // Two applications, three states: a segment per non-zero figure.
    await waitFor(() =>
      expect(
        chart.querySelectorAll('.recharts-bar-rectangle path'),
      ).toHaveLength(5),
    );

    // ... and its table of figures.
    expect(
      bodyRows(screen.getByRole('table', { name: 'Adoption by application' })),
    ).toEqual([
      ['SIFAC', '1', '2', '1', '4', '3'],
      ['SIHAM', '0', '1', '3', '4', '1'],
    ]);

    // Totals.
    const totals = screen
      .getByRole('heading', { name: 'The programme at a glance' })
      .closest('section')!;
    expect(
      within(totals).getByText('Funding granted').closest('div'),
    ).toHaveTextContent('€120,000');
    expect(
      within(totals).getByText('Staff trained').closest('div'),
    ).toHaveTextContent('63');
    expect(
      within(totals)
        .getByText('Establishments with an application live')
        .closest('div'),
    ).toHaveTextContent('1');

    // The funnel and the durations.
    expect(
      screen.getByRole('img', {
        name: /^Bar chart, out of 5 hosted instances: Request: 5 reached, 0 blocked ; Qualification: 4 reached/,
      }),
    ).toBeInTheDocument();
    expect(
      bodyRows(screen.getByRole('table', { name: 'Time per step' })).slice(
        0,
        4,
      ),
    ).toEqual([
      ['Request', 'Establishment', '4', '2.5', '4'],
      ['Qualification', 'Amue', '3', '5', '8'],
      ['Provisioning', 'Amue', '2', '7.5', '12'],
      ['Single sign-on', 'Establishment', '0', '—', '—'],
    ]);

    // The blocked steps, with the titles of the adoption report.
    const blocked = screen.getByRole('table', { name: 'Blocked steps' });
    expect(bodyRows(blocked)).toEqual([
      [
        'sifac-0597239y-production',
        'Université de Lille',
        'SIFAC',
        'Production',
        'Single sign-on (Establishment)',
        'Certificat du fournisseur d’identité expiré',
        'October 1, 202612 days ago',
      ],
    ]);
    expect(
      within(blocked).getByRole('link', { name: 'sifac-0597239y-production' }),
    ).toHaveAttribute('href', '/cloud/tenants/sifac-0597239y-production');
  });

  it('shows the adoption report first, then asks for the other three', async () => {
    const base = mockCloudApi().getReport;
    let adoptionIn: () => void = () => {};
    let othersIn: () => void = () => {};
    const adoptionGate = new Promise<void>(resolve => {
      adoptionIn = resolve;
    });
    const othersGate = new Promise<void>(resolve => {
      othersIn = resolve;
    });
    const getReport = jest.fn(async (name: string, filters?: any) => {
      await (name === 'adoption' ? adoptionGate : othersGate);
      return base(name as any, filters);
    });
    renderPage(mockCloudApi({ getReport: getReport as any }));

    // Nothing but the adoption report is asked while it is computed.
    await waitFor(() => expect(getReport).toHaveBeenCalledTimes(1));
    expect(getReport.mock.calls[0][0]).toBe('adoption');
    act(() => adoptionIn());

    // Its sections are drawn without waiting for the others, which are
    // asked now; their place says they are loading.
    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Adoption by application',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: /^Establishments × applications/ }),
    ).toBeInTheDocument();
    expect(getReport.mock.calls.map(([name]) => name as string).sort()).toEqual(
      ['adoption', 'blocked', 'durations', 'funnel'],
    );
    // (Backstage's progress bar shows itself after a short delay)
    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading the onboarding figures…',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Onboarding funnel' }),
    ).toBeNull();

    act(() => othersIn());
    expect(
      await screen.findByRole('heading', { name: 'Onboarding funnel' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('progressbar', {
        name: 'Loading the onboarding figures…',
      }),
    ).toBeNull();
  });

  it('counts the overdue steps per step and per application, and sets the funding against the envelope', async () => {
    renderPage();
    await screen.findByRole('heading', { level: 2, name: 'Overdue steps' });
    expect(
      screen.getByText(
        '4 steps are past their due date, over the hosted instances under way.',
      ),
    ).toBeInTheDocument();
    expect(
      bodyRows(
        screen.getByRole('table', { name: 'Overdue steps per step' }),
      ).slice(0, 4),
    ).toEqual([
      ['Request', 'Establishment', '0'],
      ['Qualification', 'Amue', '1'],
      ['Provisioning', 'Amue', '0'],
      ['Single sign-on', 'Establishment', '3'],
    ]);
    expect(
      bodyRows(
        screen.getByRole('table', {
          name: 'Overdue steps per application',
        }),
      ),
    ).toEqual([
      ['SIFAC', '3', '2'],
      ['SIHAM', '1', '1'],
    ]);

    const envelope = screen
      .getByRole('heading', { level: 2, name: 'Incentive envelope' })
      .closest('section')!;
    const figure = (term: string) =>
      within(envelope).getByText(term).closest('div')?.querySelector('dd')
        ?.textContent;
    expect(figure('Envelope of the programme')).toBe('€400,000');
    expect(figure('Remaining to grant')).toBe('€280,000');
    expect(figure('Share of the envelope granted')).toBe('30%');
    expect(
      bodyRows(
        within(envelope).getByRole('table', {
          name: 'Funding per establishment',
        }),
      ),
    ).toEqual([
      ['Université de Bordeaux', '€80,000', '€30,000', '20%'],
      ['Université de Lille', '€40,000', '€15,000', '10%'],
    ]);
    expect(
      within(envelope).getByRole('button', {
        name: 'Export CSV for spreadsheets: Incentive envelope',
      }),
    ).toBeInTheDocument();
  });

  it('leaves the remainder of the envelope out for a product owner', async () => {
    const cloudApi = mockCloudApi();
    const base = cloudApi.getReport.getMockImplementation()!;
    cloudApi.getReport.mockImplementation(async (name: any) =>
      name === 'adoption'
        ? {
            ...adoptionReport,
            envelope: {
              ...adoptionReport.envelope,
              programme: false,
              remainingEur: null,
            },
          }
        : base(name),
    );
    renderPage(cloudApi);
    const envelope = (
      await screen.findByRole('heading', {
        level: 2,
        name: 'Incentive envelope',
      })
    ).closest('section')!;
    expect(envelope).toHaveTextContent(
      'The funding granted and paid for your applications',
    );
    expect(
      within(envelope).queryByText('Remaining to grant'),
    ).not.toBeInTheDocument();
  });

  it('shows the matrix, the most active first, nothing-started rows hidden until asked', async () => {
    renderPage();
    const matrix = await screen.findByRole('table', {
      name: 'Establishments × applications',
    });
    expect(
      within(matrix)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Establishment', 'SIFAC', 'SIHAM']);
    // Bordeaux has an application live; Bordeaux INP and Lille one under
    // way (then by name); École centrale de Lille nothing: hidden.
    expect(bodyRows(matrix)).toEqual([
      ['Université de BordeauxUAI 0333298F', 'Live', 'In progress'],
      ['Bordeaux INPUAI 0330201P', 'In progress', 'Not started'],
      ['Université de LilleUAI 0597239Y', 'In progress', 'Not started'],
    ]);
    expect(
      within(matrix).getByRole('link', { name: 'Université de Bordeaux' }),
    ).toHaveAttribute('href', '/catalog/default/group/etab-0333298f');
    expect(
      screen.getByText(
        '3 of 4 establishments shown. 1 with nothing started are hidden.',
      ),
    ).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(
      screen.getByRole('checkbox', {
        name: 'Hide the establishments with nothing started',
      }),
    );
    await user.selectOptions(screen.getByLabelText('Sort'), 'name');
    expect(
      within(matrix)
        .getAllByRole('rowheader')
        .map(h => h.textContent),
    ).toEqual([
      'Bordeaux INPUAI 0330201P',
      'École centrale de LilleUAI 0590000A',
      'Université de BordeauxUAI 0333298F',
      'Université de LilleUAI 0597239Y',
    ]);
  });

  it('filters the whole page and drills down to an application', async () => {
    const cloudApi = renderPage();
    await screen.findByRole('table', { name: 'Establishments × applications' });
    const user = userEvent.setup();

    const region = screen.getByLabelText('Region');
    expect(
      within(region)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['All regions', 'Hauts-de-France (2)', 'Nouvelle-Aquitaine (2)']);
    await user.selectOptions(region, 'nouvelle-aquitaine');
    // Every report is asked again for the filter: the backend narrows them.
    await waitFor(() =>
      expect(
        cloudApi.getReport.mock.calls
          .filter(([, filters]) => filters?.region === 'nouvelle-aquitaine')
          .map(([name]) => name)
          .sort(),
      ).toEqual(['adoption', 'blocked', 'durations', 'funnel']),
    );
    const matrix = screen.getByRole('table', {
      name: 'Establishments × applications',
    });
    await waitFor(() =>
      expect(
        within(matrix)
          .getAllByRole('rowheader')
          .map(h => h.textContent),
      ).toEqual([
        'Université de BordeauxUAI 0333298F',
        'Bordeaux INPUAI 0330201P',
      ]),
    );

    // Words of a name or UAI reach the backend once the typing stops.
    await user.type(
      screen.getByRole('searchbox', { name: 'Name or UAI' }),
      'inp',
    );
    await waitFor(() =>
      expect(cloudApi.getReport).toHaveBeenLastCalledWith(expect.any(String), {
        region: 'nouvelle-aquitaine',
        q: 'inp',
      }),
    );

    // An application's header narrows the page to it: funnel, durations...
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    await user.click(
      await screen.findByRole('button', {
        name: 'SIHAM: show the page for this application only',
      }),
    );
    await waitFor(() =>
      expect(
        cloudApi.getReport.mock.calls
          .filter(([, filters]) => filters?.application === 'siham')
          .map(([name]) => name)
          .sort(),
      ).toEqual(['adoption', 'blocked', 'durations', 'funnel']),
    );
    expect(screen.getByLabelText('Application')).toHaveValue('siham');
    await waitFor(() =>
      expect(
        within(
          screen.getByRole('table', { name: 'Establishments × applications' }),
        )
          .getAllByRole('columnheader')
          .map(h => h.textContent),
      ).toEqual(['Establishment', 'SIHAM']),
    );
  }, 30_000);

  it('draws the map of France, lazily, with the same data as a table', async () => {
    renderPage();
    const map = await screen.findByRole('img', { name: /^Map of France: / });
    expect(map).toHaveAccessibleName(
      'Map of France: 1 establishments placed (1 live, 0 in progress, 0 not started); 3 without a place on the map (abroad or no location).',
    );
    expect(
      map.querySelector('[data-establishment="etab-0333298f"]'),
    ).toHaveAttribute('data-state', 'live');
    // The regions' totals, for the chosen application.
    const user = userEvent.setup();
    await user.selectOptions(
      screen.getByLabelText('Application shown'),
      'siham',
    );
    expect(
      map.querySelector('[data-establishment="etab-0333298f"]'),
    ).toHaveAttribute('data-state', 'in_progress');
    const aquitaine = screen.getByRole('button', {
      name: 'Nouvelle-Aquitaine: 0 live of 2',
    });
    act(() => aquitaine.focus());
    expect(screen.getByRole('status')).toHaveTextContent(
      'Nouvelle-Aquitaine: 2 establishments, 0 live, 1 in progress, 1 not started',
    );
    // A row per establishment: drawn once the disclosure is first opened.
    const disclosure = within(map.closest('section')!)
      .getByText('Show the figures as a table')
      .closest('details')!;
    expect(
      screen.queryByRole('table', { name: 'Establishments of the map' }),
    ).toBeNull();
    toggleDisclosure(disclosure);
    expect(
      bodyRows(
        screen.getByRole('table', { name: 'Establishments of the map' }),
      )[0],
    ).toEqual([
      'Université de Bordeaux',
      'Nouvelle-Aquitaine',
      'In progress',
      '44.809966',
      '-0.596578',
    ]);
  });

  it('draws long tables a page at a time', async () => {
    const establishments = Array.from({ length: 120 }, (_, i) => ({
      establishment: `etab-${String(i).padStart(7, '0')}a`,
      title: `Établissement ${String(i).padStart(3, '0')}`,
      uai: `${String(i).padStart(7, '0')}A`,
      region: i % 2 ? 'bretagne' : 'normandie',
      type: 'ecole',
      cells: { sifac: 'in_progress', siham: 'not_started' } as const,
    }));
    const items = Array.from({ length: 30 }, (_, i) => ({
      ...blockedReport.items[0],
      tenant: `sifac-${String(i).padStart(7, '0')}a-production`,
    }));
    const reports: Record<string, unknown> = {
      adoption: { ...adoptionReport, establishments },
      funnel: funnelReport,
      durations: durationsReport,
      blocked: { items, total: 30 },
    };
    renderPage(
      mockCloudApi({
        getReport: jest.fn(async (name: string) => reports[name]) as any,
      }),
    );
    const user = userEvent.setup();

    const matrix = await screen.findByRole('table', {
      name: 'Establishments × applications',
    });
    expect(within(matrix).getAllByRole('rowheader')).toHaveLength(50);
    expect(
      screen.getByText('50 of 120 establishments shown.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(within(matrix).getAllByRole('rowheader')).toHaveLength(100);
    await user.click(screen.getByRole('button', { name: 'Show all (120)' }));
    expect(within(matrix).getAllByRole('rowheader')).toHaveLength(120);
    expect(
      within(matrix.closest('section')!).queryByRole('button', {
        name: /^Show \d+ more$/,
      }),
    ).toBeNull();

    // Another order: back to the first page.
    await user.selectOptions(screen.getByLabelText('Sort'), 'name');
    expect(within(matrix).getAllByRole('rowheader')).toHaveLength(50);

    const blocked = screen.getByRole('table', { name: 'Blocked steps' });
    expect(within(blocked).getAllByRole('rowheader')).toHaveLength(25);
    await user.click(screen.getByRole('button', { name: 'Show 5 more' }));
    expect(within(blocked).getAllByRole('rowheader')).toHaveLength(30);
  }, 30_000);

  it('downloads the CSV export of a report as a named file', async () => {
    const createObjectURL = jest.fn(() => 'blob:adoption');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const downloads: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        downloads.push(`${this.download} ${this.getAttribute('href')}`);
      });
    try {
      const cloudApi = renderPage();
      const user = userEvent.setup();
      await user.click(
        await screen.findByRole('button', {
          name: 'Export CSV for spreadsheets: Establishments × applications',
        }),
      );
      await waitFor(() => expect(downloads).toHaveLength(1));
      expect(cloudApi.getReportCsv).toHaveBeenCalledWith('adoption', {
        view: undefined,
        filters: {},
        format: 'csv-fr',
      });
      expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
      expect(downloads[0]).toMatch(
        /^amue-cloud-adoption-establishments-applications-\d{4}-\d{2}-\d{2}\.csv blob:adoption$/,
      );

      await user.click(
        screen.getByRole('button', {
          name: 'Export raw CSV (for programs): Blocked steps',
        }),
      );
      await waitFor(() => expect(downloads).toHaveLength(2));
      expect(cloudApi.getReportCsv).toHaveBeenLastCalledWith('blocked', {
        view: undefined,
        filters: {},
        format: 'csv',
      });
      expect(downloads[1]).toMatch(
        /^amue-cloud-blocked-steps-\d{4}-\d{2}-\d{2}-raw\.csv /,
      );

      // The adoption report's other views: per application, the totals.
      await user.click(
        screen.getByRole('button', {
          name: 'Export CSV for spreadsheets: Adoption by application',
        }),
      );
      await waitFor(() => expect(downloads).toHaveLength(3));
      expect(cloudApi.getReportCsv).toHaveBeenLastCalledWith('adoption', {
        view: 'applications',
        filters: {},
        format: 'csv-fr',
      });
      expect(downloads[2]).toMatch(/^amue-cloud-adoption-per-application-/);
      await user.click(
        screen.getByRole('button', {
          name: 'Export CSV for spreadsheets: The programme at a glance',
        }),
      );
      await waitFor(() => expect(downloads).toHaveLength(4));
      expect(cloudApi.getReportCsv).toHaveBeenLastCalledWith('adoption', {
        view: 'totals',
        filters: {},
        format: 'csv-fr',
      });
      expect(downloads[3]).toMatch(/^amue-cloud-programme-totals-/);
      for (const name of ['Onboarding funnel', 'Time per step']) {
        expect(
          screen.getByRole('button', {
            name: `Export CSV for spreadsheets: ${name}`,
          }),
        ).toBeInTheDocument();
      }
    } finally {
      click.mockRestore();
    }
  });

  it('tells an establishment member that the dashboards are reserved for Amue', async () => {
    const forbidden = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message: 'only Amue may read the reports',
          },
        }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ) as any,
    );
    renderPage(
      mockCloudApi({ getReport: jest.fn().mockRejectedValue(forbidden) }),
    );

    expect(await screen.findByText('Reserved for Amue')).toBeInTheDocument();
    expect(
      screen.getByText(/reserved for Amue's product owners and administrators/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Browse the application catalog' }),
    ).toHaveAttribute('href', '/catalog?filters%5Bkind%5D=application');
    expect(
      screen.queryByRole('img', { name: /chart/ }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /CSV/ })).toBeNull();
  });

  it('says in words that the backend refused the filters, and clears them', async () => {
    const refused = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'InputError', message: 'region: must be a label' },
        }),
        { status: 400, headers: { 'Content-Type': 'application/json' } },
      ) as any,
    );
    const getReport = jest
      .fn()
      .mockRejectedValueOnce(refused)
      .mockImplementation(mockCloudApi().getReport);
    renderPage(mockCloudApi({ getReport }));
    expect(
      await screen.findByText(
        'These filters are not valid. Clear them to see the whole programme.',
      ),
    ).toBeInTheDocument();
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(
      await screen.findByRole('heading', { name: 'Adoption by application' }),
    ).toBeInTheDocument();
  });

  it('reports other failures and tries again on demand', async () => {
    const getReport = jest
      .fn()
      .mockRejectedValueOnce(new Error('backend down'))
      .mockImplementation(mockCloudApi().getReport);
    renderPage(mockCloudApi({ getReport }));

    expect(
      await screen.findByText('The reports could not be loaded: backend down'),
    ).toBeInTheDocument();
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { name: 'Adoption by application' }),
    ).toBeInTheDocument();
  });
});
