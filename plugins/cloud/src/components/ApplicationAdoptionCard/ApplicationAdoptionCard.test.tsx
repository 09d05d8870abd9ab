import type { Entity } from '@backstage/catalog-model';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import { amueTeam, sifac } from '../../__testUtils__/entities';
import { cloudApiRef } from '../../api';
import { applicationAdoptionEntityCard } from '../../entityExtensions';
import { adoptionRouteRef } from '../../routes';
import { mockCloudApi } from '../Adoption/__testUtils__/testData';
import { useCanReadCloudReports } from '../Adoption/useCanReadReports';

// The permission hook caches its decisions across renders (SWR): each test
// sets the decision it needs here instead (the hook has its own test).
jest.mock('../Adoption/useCanReadReports', () => ({
  useCanReadCloudReports: jest.fn(),
}));
const canReadReports = useCanReadCloudReports as jest.MockedFunction<
  typeof useCanReadCloudReports
>;

function renderCard(
  entity: Entity,
  options: {
    cloudApi?: ReturnType<typeof mockCloudApi>;
    canReadReports?: boolean;
  } = {},
) {
  const cloudApi = options.cloudApi ?? mockCloudApi();
  canReadReports.mockReturnValue({
    loading: false,
    allowed: !!options.canReadReports,
  });
  renderTestApp({
    extensions: [
      createTestEntityPage({ entity }),
      applicationAdoptionEntityCard,
    ],
    apis: [catalogApiMock({ entities: [entity] }), [cloudApiRef, cloudApi]],
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/cloud/adoption': adoptionRouteRef,
    },
  });
  return cloudApi;
}

describe('ApplicationAdoptionCard', () => {
  it('shows the establishments live, in progress and not started for the application', async () => {
    const cloudApi = renderCard(sifac);

    expect(
      await screen.findByText('1 of 4 establishments live (25%)'),
    ).toBeInTheDocument();
    expect(cloudApi.getAdoptionSummary).toHaveBeenCalledTimes(1);
    const figures = screen.getByRole('list', {
      name: 'Establishments by state',
    });
    expect(
      within(figures)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['Live: 1', 'In progress: 2', 'Not started: 1']);
    expect(
      screen.getByRole('img', {
        name: 'SIFAC: 1 live, 2 in progress, 1 not started',
      }),
    ).toBeInTheDocument();
  });

  it('links Amue users to the Adoption page, and only them', async () => {
    renderCard(sifac, { canReadReports: true });
    await screen.findByText('1 of 4 establishments live (25%)');
    expect(
      await screen.findByRole('link', { name: 'Open the adoption dashboard' }),
    ).toHaveAttribute('href', '/cloud/adoption');
  });

  it('has no link for the other users', async () => {
    renderCard(sifac, { canReadReports: false });
    await screen.findByText('1 of 4 establishments live (25%)');
    expect(
      screen.queryByRole('link', { name: 'Open the adoption dashboard' }),
    ).not.toBeInTheDocument();
  });

  it('says so when the application has no figures', async () => {
    renderCard({
      ...sifac,
      metadata: { ...sifac.metadata, name: 'apogee' },
    } as Entity);
    expect(
      await screen.findByText('No adoption figures for this application yet.'),
    ).toBeInTheDocument();
  });

  it('reports a failure to load the figures', async () => {
    renderCard(sifac, {
      cloudApi: mockCloudApi({
        getAdoptionSummary: jest.fn().mockRejectedValue(new Error('timeout')),
      }),
    });
    expect(
      await screen.findByText(
        'The adoption figures could not be loaded: timeout',
      ),
    ).toBeInTheDocument();
  });

  it('is only shown on applications', async () => {
    const cloudApi = renderCard(amueTeam);
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(cloudApi.getAdoptionSummary).not.toHaveBeenCalled();
  });
});
