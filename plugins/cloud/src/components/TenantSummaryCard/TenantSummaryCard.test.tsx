import type { Entity } from '@backstage/catalog-model';
import type { ExtensionDefinition } from '@backstage/frontend-plugin-api';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import { bordeauxProduction, sifac } from '../../__testUtils__/entities';
import { cloudApiRef } from '../../api';
import {
  tenantOnboardingEntityCard,
  tenantOnboardingEntityContent,
} from '../../entityExtensions';
import {
  httpError,
  makeDetails,
  makeSteps,
  makeTenant,
  mockCloudApi,
  mockSignals,
  personas,
} from '../TenantOnboarding/__testUtils__/testData';

jest.setTimeout(30_000);

const NAME = bordeauxProduction.metadata.name;

function render(
  entity: Entity,
  getTenant: () => Promise<any>,
  extensions: ExtensionDefinition<any>[] = [tenantOnboardingEntityCard],
) {
  const cloudApi = mockCloudApi({ getTenant: jest.fn(getTenant) });
  renderTestApp({
    extensions: [createTestEntityPage({ entity }), ...extensions],
    apis: [
      catalogApiMock({ entities: [entity, sifac] }),
      [cloudApiRef, cloudApi],
      mockApis.identity(personas.claire),
      mockSignals().pair,
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return cloudApi;
}

/** The value shown under a label of the card. */
function field(label: string) {
  return screen.getByText(label, { selector: 'dt' })
    .nextElementSibling as HTMLElement;
}

describe('TenantSummaryCard', () => {
  it('shows where the onboarding stands, with a way to its tab', async () => {
    const cloudApi = render(bordeauxProduction, async () =>
      makeDetails(
        makeTenant(NAME, { currentStep: 'identity' }),
        makeSteps({
          request: 'done',
          qualification: 'done',
          provisioning: 'done',
          identity: 'in_progress',
        }),
      ),
    );
    expect(
      await screen.findByRole('heading', { name: 'Onboarding' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(field('Status')).toHaveTextContent('Onboarding'),
    );
    expect(cloudApi.getTenant).toHaveBeenCalledWith(NAME);
    expect(field('Current step')).toHaveTextContent(
      'Single sign-onIn progress',
    );
    // Claire is a member of the establishment: the step is hers.
    await waitFor(() =>
      expect(field('Next move')).toHaveTextContent('Action required'),
    );
    expect(
      within(field('Progress')).getByRole('progressbar', {
        name: 'Onboarding progress',
      }),
    ).toHaveAttribute('aria-valuenow', '38');
    expect(
      screen.getByRole('link', { name: 'Open the onboarding' }),
    ).toHaveAttribute('href', expect.stringMatching(/\/onboarding$/));
  });

  it('says when the onboarding service does not know the tenant', async () => {
    render(bordeauxProduction, async () => {
      throw await httpError(404, 'not found');
    });
    expect(
      await screen.findByText(
        'The onboarding service does not know this instance, or you may not see it.',
      ),
    ).toBeInTheDocument();
  });

  it('is only shown on tenants', async () => {
    render(sifac, async () => {
      throw new Error('not called');
    });
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
  });

  it('comes with the onboarding tab of Tenant entities', async () => {
    render(
      bordeauxProduction,
      async () =>
        makeDetails(
          makeTenant(NAME),
          makeSteps({ request: 'done', qualification: 'done' }),
        ),
      [tenantOnboardingEntityContent],
    );
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Steps' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 3, name: '3. Provisioning' }),
    ).toBeInTheDocument();
  });
});
