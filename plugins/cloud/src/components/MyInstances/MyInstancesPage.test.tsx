import { renderInTestApp } from '@backstage/frontend-test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CloudApi, ListTenantsQuery } from '../../api';
import {
  apisFor,
  makeDetails,
  makeSteps,
  makeTenant,
  mockCloudApi,
  mockSignals,
  personas,
} from '../TenantOnboarding/__testUtils__/testData';
import { MyInstancesPage } from './MyInstancesPage';

jest.setTimeout(30_000);

const identity = makeTenant('sifac-0333298f-production', {
  currentStep: 'identity',
});
const qualification = makeTenant('siham-0333298f-preproduction', {
  status: 'requested',
  currentStep: 'qualification',
  request: { migration: false },
});
const live = makeTenant('sifac-0333298f-formation', {
  status: 'live',
  currentStep: null,
});

const detailsByName = {
  [identity.name]: makeDetails(
    identity,
    makeSteps(
      {
        request: 'done',
        qualification: 'done',
        provisioning: 'done',
        identity: 'blocked',
      },
      { identity: { dueDate: '2026-10-01' } },
    ),
  ),
  [qualification.name]: makeDetails(
    qualification,
    makeSteps({ request: 'done', 'data-migration': 'skipped' }),
  ),
  [live.name]: makeDetails(
    live,
    makeSteps({
      request: 'done',
      qualification: 'done',
      provisioning: 'done',
      identity: 'done',
      'data-migration': 'done',
      acceptance: 'done',
      training: 'done',
      'go-live': 'done',
    }),
  ),
};

function renderPage(
  persona: keyof typeof personas,
  overrides: Partial<CloudApi> = {},
  initialRoute = '/cloud/instances',
) {
  const cloudApi = mockCloudApi({
    listTenants: jest.fn(async () => ({
      items: [identity, qualification, live].map(t => detailsByName[t.name]),
    })),
    ...overrides,
  });
  const signals = mockSignals();
  renderInTestApp(<MyInstancesPage />, {
    apis: apisFor(persona, cloudApi, signals),
    initialRouteEntries: [initialRoute],
  });
  return { cloudApi, signals };
}

/** The text of each body row, cell by cell. */
function rows() {
  const table = screen.getByRole('table', { name: 'Hosted instances' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      Array.from(row.querySelectorAll('th, td')).map(
        cell => cell as HTMLElement,
      ),
    );
}

describe('MyInstancesPage', () => {
  it("lists the establishment's instances with their step, progress, next move and due dates", async () => {
    const { cloudApi } = renderPage('claire');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'My instances' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(cloudApi.listTenants).toHaveBeenCalledWith({
      include: 'steps',
      orderBy: 'updatedAt',
      order: 'desc',
      limit: 20,
    });
    // The steps come with the list: no request per tenant.
    expect(cloudApi.getTenant).not.toHaveBeenCalled();

    const [first, second, third] = rows();
    expect(
      within(first[0]).getByRole('link', { name: /^SIFAC/ }),
    ).toHaveAttribute('href', '/cloud/tenants/sifac-0333298f-production');
    // A member of one establishment sees no establishment column.
    expect(first.map(cell => cell.textContent)).toEqual([
      'SIFAC — Productionsifac-0333298f-production',
      'Onboarding',
      'Single sign-onBlocked',
      expect.stringMatching(/^38%$/),
      'Action required',
      expect.stringMatching(
        /^\d+ days overdue \(due on October 1, 2026\)Go-live wished on March 1, 2027$/,
      ),
    ]);
    expect(
      within(first[3]).getByRole('progressbar', {
        name: 'Onboarding progress of sifac-0333298f-production',
      }),
    ).toHaveAttribute('aria-valuenow', '38');
    // The qualification is Amue's.
    expect(second[4]).toHaveTextContent('Waiting on Amue');
    expect(second[5]).toHaveTextContent('None');
    expect(third[2]).toHaveTextContent('All steps done');
    expect(third[4]).toHaveTextContent('All steps done');
    expect(screen.getByText('3 hosted instances shown')).toBeInTheDocument();

    expect(screen.queryByLabelText('Establishment')).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Request an instance' }),
    ).toHaveAttribute(
      'href',
      `/create/templates/default/demander-une-instance?formData=${encodeURIComponent(
        JSON.stringify({ uai: '0333298F' }),
      )}`,
    );
  });

  it('filters on the server and keeps the filters in the address', async () => {
    const user = userEvent.setup();
    const { cloudApi } = renderPage('claire');
    await waitFor(() => expect(rows()).toHaveLength(3));

    await user.selectOptions(screen.getByLabelText('Application'), 'sifac');
    await user.selectOptions(screen.getByLabelText('Environment'), 'test');
    await user.selectOptions(screen.getByLabelText('Status'), 'onboarding');
    await user.selectOptions(
      screen.getByLabelText('Blocked steps'),
      'With a blocked step',
    );
    await waitFor(() =>
      expect(cloudApi.listTenants).toHaveBeenLastCalledWith({
        include: 'steps',
        orderBy: 'updatedAt',
        order: 'desc',
        application: ['sifac'],
        environment: ['test'],
        status: ['onboarding'],
        blocked: true,
        limit: 20,
      } satisfies ListTenantsQuery),
    );

    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    await waitFor(() =>
      expect(cloudApi.listTenants).toHaveBeenLastCalledWith({
        include: 'steps',
        orderBy: 'updatedAt',
        order: 'desc',
        limit: 20,
      }),
    );
    expect(screen.getByLabelText('Application')).toHaveValue('');
  });

  it('reads the filters of the address', async () => {
    const { cloudApi } = renderPage(
      'claire',
      {},
      '/cloud/instances?blocked=false&environment=formation',
    );
    await waitFor(() =>
      expect(cloudApi.listTenants).toHaveBeenCalledWith({
        include: 'steps',
        orderBy: 'updatedAt',
        order: 'desc',
        environment: ['formation'],
        blocked: false,
        limit: 20,
      }),
    );
    expect(screen.getByLabelText('Environment')).toHaveValue('formation');
  });

  it('pages with the cursor of the backend', async () => {
    const user = userEvent.setup();
    const listTenants = jest.fn(async (query?: ListTenantsQuery) =>
      query?.cursor === 'page-2'
        ? { items: [live] }
        : { items: [identity, qualification], nextCursor: 'page-2' },
    );
    renderPage('claire', { listTenants });
    await waitFor(() => expect(rows()).toHaveLength(2));

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(listTenants).toHaveBeenLastCalledWith({
      include: 'steps',
      orderBy: 'updatedAt',
      order: 'desc',
      limit: 20,
      cursor: 'page-2',
    });
    expect(
      screen.queryByRole('button', { name: 'Show more' }),
    ).not.toBeInTheDocument();
  });

  it('shows the establishment, and a filter on it, to Amue', async () => {
    const user = userEvent.setup();
    const { cloudApi } = renderPage('sophie');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[0][1]).toHaveTextContent(
      'Université de BordeauxUAI 0333298F',
    );
    // Sophie owns SIFAC: the Amue-side steps of its instances are hers.
    expect(rows()[0][5]).toHaveTextContent('Waiting on the establishment');
    expect(rows()[1][5]).toHaveTextContent('Waiting on Amue');

    const filter = screen.getByLabelText('Establishment');
    await waitFor(() =>
      expect(
        within(filter).getByRole('option', {
          name: 'Université de Lille (0597239Y)',
        }),
      ).toBeInTheDocument(),
    );
    await user.selectOptions(filter, 'etab-0597239y');
    await waitFor(() =>
      expect(cloudApi.listTenants).toHaveBeenLastCalledWith(
        expect.objectContaining({ establishment: ['etab-0597239y'] }),
      ),
    );
    // Product owners do not request instances.
    expect(
      screen.queryByRole('link', { name: 'Request an instance' }),
    ).not.toBeInTheDocument();
  });

  it('says the owner of the application has to act', async () => {
    renderPage('sophie', {
      listTenants: jest.fn(async () => ({
        items: [
          makeDetails(
            makeTenant('sifac-0333298f-test', {
              status: 'requested',
              currentStep: 'qualification',
            }),
            makeSteps({ request: 'done' }),
          ),
        ],
      })),
    });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0][5]).toHaveTextContent('Action required');
  });

  it('has an empty state that leads to the request form', async () => {
    renderPage('claire', { listTenants: jest.fn(async () => ({ items: [] })) });
    expect(
      await screen.findByText('Your establishment has no hosted instance yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Request an instance' }),
    ).toBeInTheDocument();
  });

  it('says when no instance matches the filters', async () => {
    renderPage(
      'claire',
      { listTenants: jest.fn(async () => ({ items: [] })) },
      '/cloud/instances?status=live',
    );
    expect(
      await screen.findByText('No hosted instance matches these filters.'),
    ).toBeInTheDocument();
  });

  it('shows an error with a way to try again', async () => {
    const user = userEvent.setup();
    const listTenants = jest
      .fn()
      .mockRejectedValueOnce(new Error('network down'))
      .mockResolvedValue({ items: [identity] });
    renderPage('claire', { listTenants });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The hosted instances could not be loaded: network down',
    );
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('reloads when the backend signals a change', async () => {
    const { cloudApi, signals } = renderPage('claire');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(cloudApi.listTenants).toHaveBeenCalledTimes(1);
    act(() =>
      signals.send('cloud:tenant', {
        name: identity.name,
        type: 'step.unblocked',
        rowVersion: 5,
      }),
    );
    await waitFor(() => expect(cloudApi.listTenants).toHaveBeenCalledTimes(2));
  });
});
