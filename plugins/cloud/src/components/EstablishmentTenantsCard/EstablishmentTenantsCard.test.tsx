import {
  ONBOARDING_STEPS,
  type Tenant,
  type TenantStep,
} from '@amue/plugin-cloud-common';
import type { Entity } from '@backstage/catalog-model';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { amueTeam, bordeaux, sifac } from '../../__testUtils__/entities';
import { cloudApiRef } from '../../api';
import { establishmentTenantsEntityCard } from '../../entityExtensions';
import { mockCloudApi } from '../Adoption/__testUtils__/testData';

function tenant(name: string, fields: Partial<Tenant> = {}): Tenant {
  const [application, uai, environment] = name.split('-');
  return {
    id: `id-${name}`,
    name,
    application,
    establishment: `etab-${uai}`,
    uai: uai.toUpperCase(),
    environment: environment as Tenant['environment'],
    version: '2024.2',
    status: 'onboarding',
    currentStep: 'provisioning',
    url: null,
    ssoProtocol: null,
    ssoIdpEntityId: null,
    suspended: false,
    decommissioned: false,
    request: { migration: true },
    createdBy: 'user:default/claire.dubois',
    createdAt: '2026-09-01T08:00:00.000Z',
    updatedAt: '2026-09-02T08:00:00.000Z',
    rowVersion: 3,
    ...fields,
  };
}

/** Steps with the first `settled` done and the others to do. */
function steps(settled: number): TenantStep[] {
  return ONBOARDING_STEPS.map((definition, index) => ({
    id: definition.id,
    order: definition.order,
    side: definition.side,
    status: index < settled ? 'done' : 'todo',
    dueDate: null,
    updatedBy: 'user:default/marc.petit',
    updatedAt: '2026-09-02T08:00:00.000Z',
    rowVersion: 1,
  }));
}

const production = tenant('sifac-0333298f-production', {
  status: 'live',
  currentStep: null,
});
const formation = tenant('sifac-0333298f-formation');

function renderCard(
  entity: Entity,
  options: {
    cloudApi?: ReturnType<typeof mockCloudApi>;
    ownershipEntityRefs?: string[];
  } = {},
) {
  const cloudApi =
    options.cloudApi ??
    mockCloudApi({
      // 8 of the 8 applicable steps, and 2 of 8.
      listTenants: jest.fn(async () => ({
        items: [
          { ...formation, steps: steps(2) },
          { ...production, steps: steps(8) },
        ],
      })),
    });
  renderTestApp({
    extensions: [
      createTestEntityPage({ entity }),
      establishmentTenantsEntityCard,
    ],
    apis: [
      catalogApiMock({ entities: [entity, sifac] }),
      [cloudApiRef, cloudApi],
      mockApis.identity({
        userEntityRef: 'user:default/claire.dubois',
        ownershipEntityRefs: options.ownershipEntityRefs ?? [
          'user:default/claire.dubois',
          'group:default/etab-0333298f',
        ],
      }),
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return cloudApi;
}

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

describe('EstablishmentTenantsCard', () => {
  it("lists the establishment's tenants from the onboarding service, with their progress", async () => {
    const cloudApi = renderCard(bordeaux);

    const table = await screen.findByRole('table', {
      name: 'Hosted instances of Université de Bordeaux',
    });
    expect(cloudApi.listTenants).toHaveBeenCalledWith({
      establishment: ['etab-0333298f'],
      limit: 50,
      orderBy: 'name',
      order: 'asc',
      include: 'steps',
    });
    // The steps come with the list: no request per tenant.
    expect(cloudApi.getTenant).not.toHaveBeenCalled();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual(['Hosted instance', 'Status', 'Onboarding']);
    // The test app has no entity presentation API: the application is
    // shown by its name, not its title.
    await waitFor(() =>
      expect(bodyRows(table)).toEqual([
        [
          'sifac — Trainingsifac-0333298f-formation',
          'Onboarding',
          'Current step: Provisioning25%',
        ],
        [
          'sifac — Productionsifac-0333298f-production',
          'Live',
          'All steps done100%',
        ],
      ]),
    );
    const bar = within(table).getByRole('progressbar', {
      name: 'Onboarding progress of sifac-0333298f-formation',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(
      within(table).getByRole('link', { name: 'sifac — Training' }),
    ).toHaveAttribute('href', '/cloud/tenants/sifac-0333298f-formation');
    // A member sees every instance: no note about hidden ones.
    expect(screen.queryByText(/Only the hosted instances/)).toBeNull();
  });

  it('explains the empty card to a member of another establishment', async () => {
    const cloudApi = mockCloudApi();
    renderCard(bordeaux, {
      cloudApi,
      ownershipEntityRefs: [
        'user:default/julien.lefebvre',
        'group:default/etab-0597239y',
      ],
    });

    expect(
      await screen.findByText(
        'The hosted instances of an establishment are visible only to its members and to Amue.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('offers a member with no instance to request one', async () => {
    renderCard(bordeaux, { cloudApi: mockCloudApi() });

    expect(
      await screen.findByText('This establishment has no hosted instance yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Request a hosted instance' }),
    ).toHaveAttribute(
      'href',
      `/create/templates/default/demander-une-instance?${new URLSearchParams({
        formData: JSON.stringify({ uai: '0333298F' }),
      })}`,
    );
  });

  it('tells a reader from outside the establishment that the list is filtered', async () => {
    renderCard(bordeaux, {
      ownershipEntityRefs: [
        'user:default/sophie.bernard',
        'group:default/amue-equipe-finance',
      ],
    });

    await screen.findByRole('table');
    expect(
      await screen.findByText(
        'Only the hosted instances you may see are listed.',
      ),
    ).toBeInTheDocument();
  });

  it('loads the next page on demand and shows an unknown progress as such', async () => {
    const listTenants = jest
      .fn()
      .mockResolvedValueOnce({ items: [formation], nextCursor: 'page-2' })
      .mockResolvedValueOnce({ items: [production] });
    // A list without the steps shows the progress as unknown.
    const cloudApi = mockCloudApi({ listTenants });
    renderCard(bordeaux, { cloudApi });

    const table = await screen.findByRole('table');
    await waitFor(() =>
      expect(bodyRows(table)).toEqual([
        [
          'sifac — Trainingsifac-0333298f-formation',
          'Onboarding',
          'Current step: ProvisioningUnknown',
        ],
      ]),
    );
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: 'Show more' }));

    await waitFor(() => expect(bodyRows(table)).toHaveLength(2));
    expect(listTenants).toHaveBeenLastCalledWith(
      expect.objectContaining({
        establishment: ['etab-0333298f'],
        cursor: 'page-2',
      }),
    );
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('is only shown on establishment groups', async () => {
    const cloudApi = renderCard(amueTeam);
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(cloudApi.listTenants).not.toHaveBeenCalled();
  });
});
