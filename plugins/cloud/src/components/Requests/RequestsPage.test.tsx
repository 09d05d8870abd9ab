import { renderInTestApp } from '@backstage/frontend-test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CloudApi, ListTenantsQuery } from '../../api';
import {
  apisFor,
  httpError,
  makeDetails,
  makeSteps,
  makeTenant,
  mockCloudApi,
  mockSignals,
  personas,
} from '../TenantOnboarding/__testUtils__/testData';
import { RequestsPage } from './RequestsPage';

jest.setTimeout(30_000);

const DAY_MS = 24 * 60 * 60 * 1000;

const request = makeTenant('sifac-0333298f-test', {
  status: 'requested',
  currentStep: 'qualification',
  request: {
    migration: false,
    expectedUsers: 40,
    wishedGoLiveDate: '2027-01-04',
    comment: 'Environnement de test pour la DSI',
  },
});
const blocked = makeTenant('sifac-0597239y-production', {
  currentStep: 'identity',
});

const details = {
  [request.name]: makeDetails(
    request,
    makeSteps(
      { request: 'done' },
      // due in a little more than 4 days
      {
        qualification: {
          dueDate: new Date(Date.now() + 4.5 * DAY_MS).toISOString(),
        },
      },
    ),
  ),
  [blocked.name]: makeDetails(
    blocked,
    makeSteps(
      {
        request: 'done',
        qualification: 'done',
        provisioning: 'done',
        identity: 'blocked',
      },
      {
        identity: {
          reason: 'Certificat expiré',
          updatedAt: '2026-09-20T10:00:00.000Z',
          dueDate: '2026-10-01T21:59:59.000Z',
        },
      },
    ),
  ),
};

function renderPage(
  persona: keyof typeof personas,
  overrides: Partial<CloudApi> = {},
) {
  const cloudApi = mockCloudApi({
    listTenants: jest.fn(async (query?: ListTenantsQuery) =>
      query?.blocked
        ? { items: [details[blocked.name]] }
        : { items: [details[request.name]] },
    ),
    ...overrides,
  });
  const signals = mockSignals();
  renderInTestApp(<RequestsPage />, {
    apis: apisFor(persona, cloudApi, signals),
  });
  return { cloudApi, signals };
}

function table(name: string) {
  return screen.getByRole('table', { name });
}

describe('RequestsPage', () => {
  it('lists the requests to qualify and the blocked instances', async () => {
    const { cloudApi } = renderPage('sophie');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Requests' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(table('Requests to qualify')).toHaveTextContent(
        'sifac-0333298f-test',
      ),
    );
    expect(cloudApi.listTenants).toHaveBeenCalledWith({
      status: ['requested'],
      currentStep: 'qualification',
      orderBy: 'createdAt',
      order: 'asc',
      limit: 20,
      include: 'steps',
    });
    expect(cloudApi.listTenants).toHaveBeenCalledWith({
      blocked: true,
      orderBy: 'updatedAt',
      order: 'asc',
      limit: 20,
      include: 'steps',
    });
    // The steps come with the lists: no request per tenant.
    expect(cloudApi.getTenant).not.toHaveBeenCalled();

    const pending = table('Requests to qualify');
    expect(pending).toHaveTextContent('Université de Bordeaux');
    expect(pending).toHaveTextContent('New installation');
    expect(pending).toHaveTextContent('40 expected users');
    expect(pending).toHaveTextContent('Go-live wished on January 4, 2027');
    expect(pending).toHaveTextContent('Environnement de test pour la DSI');
    // the qualification's due date, in words
    expect(pending).toHaveTextContent(/Due on .+, in 4 days/);
    expect(
      within(pending).getByRole('link', { name: 'sifac-0333298f-test' }),
    ).toHaveAttribute('href', '/cloud/tenants/sifac-0333298f-test');
    expect(
      screen.getByText('1 request waits for your decision.'),
    ).toBeInTheDocument();

    await waitFor(() =>
      expect(table('Blocked instances')).toHaveTextContent('Certificat expiré'),
    );
    const blockedTable = table('Blocked instances');
    expect(blockedTable).toHaveTextContent('Single sign-on (Establishment)');
    expect(blockedTable).toHaveTextContent('September 20, 2026');
    // a blocked step past its due date is flagged as late
    expect(blockedTable).toHaveTextContent(
      /\d+ days overdue \(due on October 1, 2026\)/,
    );
    expect(blockedTable).toHaveTextContent('Université de Lille');
  });

  it('approves a request with the comment and the row version of the qualification, then undoes it', async () => {
    const user = userEvent.setup();
    const { cloudApi } = renderPage('sophie', {
      decideRequest: jest.fn(async () => details[request.name]),
      undoDecision: jest.fn(async () => details[request.name]),
    });
    const approve = await screen.findByRole('button', {
      name: 'Approve the request SIFAC (Test) — Université de Bordeaux',
    });
    await waitFor(() => expect(approve).toBeEnabled());
    await user.type(
      screen.getByRole('textbox', {
        name: 'Comment on the request SIFAC (Test) — Université de Bordeaux',
      }),
      'Convention reçue',
    );
    await user.click(approve);
    await waitFor(() =>
      expect(cloudApi.decideRequest).toHaveBeenCalledWith(
        'sifac-0333298f-test',
        { decision: 'approve', reason: 'Convention reçue', rowVersion: 12 },
      ),
    );
    // A visible confirmation naming the request, with a way to undo it.
    const notice = await screen.findByRole('status');
    await waitFor(() =>
      expect(notice).toHaveTextContent(
        'Request approved: SIFAC (Test) — Université de Bordeaux.',
      ),
    );
    // Both lists are read again.
    await waitFor(() => expect(cloudApi.listTenants).toHaveBeenCalledTimes(4));
    await user.click(within(notice).getByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect(cloudApi.undoDecision).toHaveBeenCalledWith(
        'sifac-0333298f-test',
        { rowVersion: 12 },
      ),
    );
    await waitFor(() =>
      expect(notice).toHaveTextContent(
        'Decision undone: SIFAC (Test) — Université de Bordeaux waits for your decision again.',
      ),
    );
    expect(
      within(notice).queryByRole('button', { name: 'Undo' }),
    ).not.toBeInTheDocument();
    await waitFor(() => expect(cloudApi.listTenants).toHaveBeenCalledTimes(6));
  });

  it('decides the environments of one request at once, or one by one', async () => {
    const user = userEvent.setup();
    const production = makeTenant('sifac-0333298f-production', {
      status: 'requested',
      currentStep: 'qualification',
      requestGroup: 'g1',
    });
    const test = { ...details[request.name], requestGroup: 'g1' };
    const both = [
      test,
      makeDetails(production, makeSteps({ request: 'done' })),
    ];
    const { cloudApi } = renderPage('sophie', {
      listTenants: jest.fn(async (query?: ListTenantsQuery) =>
        query?.blocked ? { items: [] } : { items: both },
      ),
      decideRequest: jest.fn(async (name: string) =>
        name === test.name ? test : both[1],
      ),
    });
    const name = 'SIFAC (Test, Production) — Université de Bordeaux';
    const approve = await screen.findByRole('button', {
      name: `Approve the 2 instances of the request ${name}`,
    });
    expect(approve).toHaveTextContent('Approve the 2 instances');
    // One row for the request, both instances in it.
    const pending = table('Requests to qualify');
    expect(within(pending).getAllByRole('row')).toHaveLength(2);
    expect(
      screen.getByText('1 request waits for your decision.'),
    ).toBeInTheDocument();
    // Each instance can still be decided alone.
    expect(screen.getByText('Decide instance by instance')).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Approve the request SIFAC (Production) — Université de Bordeaux',
      }),
    ).toBeInTheDocument();

    await waitFor(() => expect(approve).toBeEnabled());
    await user.click(approve);
    await waitFor(() =>
      expect(cloudApi.decideRequest).toHaveBeenCalledTimes(2),
    );
    expect(cloudApi.decideRequest).toHaveBeenCalledWith(test.name, {
      decision: 'approve',
      reason: undefined,
      rowVersion: 12,
    });
    expect(cloudApi.decideRequest).toHaveBeenCalledWith(production.name, {
      decision: 'approve',
      reason: undefined,
      rowVersion: expect.any(Number),
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      `Request approved: ${name}.`,
    );
  });

  it('needs a comment to reject a request', async () => {
    const user = userEvent.setup();
    const { cloudApi } = renderPage('sophie', {
      decideRequest: jest.fn(async () => details[request.name]),
    });
    const reject = await screen.findByRole('button', {
      name: 'Reject the request SIFAC (Test) — Université de Bordeaux',
    });
    await waitFor(() => expect(reject).toBeEnabled());
    await user.click(reject);
    expect(
      screen.getByText('Enter the reason of the rejection in the comment.'),
    ).toBeInTheDocument();
    expect(cloudApi.decideRequest).not.toHaveBeenCalled();

    await user.type(
      screen.getByRole('textbox', {
        name: 'Comment on the request SIFAC (Test) — Université de Bordeaux',
      }),
      'Hors périmètre',
    );
    await user.click(reject);
    await waitFor(() =>
      expect(cloudApi.decideRequest).toHaveBeenCalledWith(
        'sifac-0333298f-test',
        { decision: 'reject', reason: 'Hors périmètre', rowVersion: 12 },
      ),
    );
  });

  it('says when someone else decided first', async () => {
    const user = userEvent.setup();
    renderPage('sophie', {
      decideRequest: jest.fn(async () => {
        throw await httpError(409, 'stale');
      }),
    });
    const approve = await screen.findByRole('button', {
      name: 'Approve the request SIFAC (Test) — Université de Bordeaux',
    });
    await waitFor(() => expect(approve).toBeEnabled());
    await user.click(approve);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone else changed this step in the meantime. Reload to see the current version.',
    );
  });

  it('offers no decision on the requests of applications the reader does not own', async () => {
    const siham = makeTenant('siham-0333298f-preproduction', {
      status: 'requested',
      currentStep: 'qualification',
    });
    renderPage('sophie', {
      listTenants: jest.fn(async (query?: ListTenantsQuery) =>
        query?.blocked
          ? { items: [] }
          : { items: [makeDetails(siham, makeSteps({ request: 'done' }))] },
      ),
    });
    await waitFor(() =>
      expect(table('Requests to qualify')).toHaveTextContent(siham.name),
    );
    expect(
      within(table('Requests to qualify')).queryByRole('button'),
    ).not.toBeInTheDocument();
    expect(table('Requests to qualify')).toHaveTextContent('Waiting on Amue');
  });

  it('sends establishment members to their own instances', async () => {
    const { cloudApi } = renderPage('claire');
    expect(await screen.findByText('Reserved for Amue')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open my instances' }),
    ).toHaveAttribute('href', '/cloud/instances');
    expect(cloudApi.listTenants).not.toHaveBeenCalled();
  });

  it('filters on the application and the establishment', async () => {
    const user = userEvent.setup();
    const { cloudApi } = renderPage('sophie');
    await waitFor(() =>
      expect(table('Requests to qualify')).toHaveTextContent(
        'sifac-0333298f-test',
      ),
    );
    // Only the applications Sophie's team owns.
    const application = screen.getByLabelText('Application');
    expect(
      within(application)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['All applications', 'SIFAC']);
    await user.selectOptions(application, 'sifac');
    await user.selectOptions(
      screen.getByLabelText('Establishment'),
      'etab-0333298f',
    );
    await waitFor(() =>
      expect(cloudApi.listTenants).toHaveBeenCalledWith(
        expect.objectContaining({
          application: ['sifac'],
          establishment: ['etab-0333298f'],
          currentStep: 'qualification',
        }),
      ),
    );
    expect(cloudApi.listTenants).toHaveBeenCalledWith(
      expect.objectContaining({
        application: ['sifac'],
        establishment: ['etab-0333298f'],
        blocked: true,
      }),
    );
  });

  it('says when nothing waits', async () => {
    renderPage('sophie', { listTenants: jest.fn(async () => ({ items: [] })) });
    expect(
      await screen.findByText('No request is waiting for qualification.'),
    ).toBeInTheDocument();
    expect(screen.getByText('No instance is blocked.')).toBeInTheDocument();
  });

  it('reloads when the backend signals a change', async () => {
    const { cloudApi, signals } = renderPage('sophie');
    await waitFor(() => expect(cloudApi.listTenants).toHaveBeenCalledTimes(2));
    act(() =>
      signals.send('cloud:tenant', {
        name: 'sifac-0333298f-formation',
        type: 'request.created',
        rowVersion: 1,
      }),
    );
    await waitFor(() => expect(cloudApi.listTenants).toHaveBeenCalledTimes(4));
  });
});
