import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import type { CloudApi, TenantWithEvents } from '../../api';
import {
  apisFor,
  httpError,
  makeDetails,
  makeEvent,
  makeSteps,
  makeTenant,
  mockCloudApi,
  mockSignals,
  personas,
} from './__testUtils__/testData';
import { TenantOnboardingPage } from './TenantOnboardingPage';

const NAME = 'sifac-0333298f-production';

const onboarding = makeDetails(
  makeTenant(NAME),
  makeSteps(
    {
      request: 'done',
      qualification: 'done',
      provisioning: 'done',
      identity: 'in_progress',
      'data-migration': 'blocked',
    },
    {
      identity: { dueDate: '2026-10-01' },
      'data-migration': { reason: 'Extraction attendue du prestataire' },
    },
  ),
  [
    makeEvent(1, {
      type: 'request.created',
      stepId: 'request',
      actor: 'user:default/claire.dubois',
    }),
    makeEvent(2, { type: 'request.approved', stepId: 'qualification' }),
    makeEvent(3, {
      type: 'step.started',
      stepId: 'identity',
      actor: 'user:default/claire.dubois',
    }),
    makeEvent(4, {
      type: 'comment.added',
      stepId: 'identity',
      comment: 'Métadonnées SAML envoyées',
      actor: 'user:default/claire.dubois',
    }),
  ],
);

const requested = makeDetails(
  makeTenant('sifac-0333298f-test', {
    status: 'requested',
    currentStep: 'qualification',
  }),
  makeSteps({ request: 'done' }),
);

function renderPage(
  persona: keyof typeof personas,
  tenant: TenantWithEvents | Error = onboarding,
  overrides: Partial<CloudApi> = {},
) {
  const cloudApi = mockCloudApi({
    getTenant: jest.fn(async () => {
      if (tenant instanceof Error) {
        throw tenant;
      }
      return tenant;
    }),
    ...overrides,
  });
  const signals = mockSignals();
  const name = tenant instanceof Error ? NAME : tenant.name;
  renderInTestApp(
    <Routes>
      <Route path="/cloud/tenants/:name" element={<TenantOnboardingPage />} />
    </Routes>,
    {
      apis: apisFor(persona, cloudApi, signals),
      initialRouteEntries: [`/cloud/tenants/${name}`],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return { cloudApi, signals };
}

/** The item of the timeline of a step. */
function stepItem(title: string) {
  return screen.getByRole('heading', { level: 3, name: title }).closest('li')!;
}

// Rendering the whole page and typing take time on slow machines.
jest.setTimeout(30_000);

describe('TenantOnboardingPage', () => {
  it('shows the nine steps with their status in words, side, due date, last change and documentation', async () => {
    const { cloudApi } = renderPage('claire');

    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'SIFAC (Production) — Université de Bordeaux' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(cloudApi.getTenant).toHaveBeenCalledWith(NAME);

    const steps = screen.getAllByRole('heading', { level: 3 });
    expect(steps.map(h => h.textContent)).toEqual([
      '1. Request',
      '2. Qualification',
      '3. Provisioning',
      '4. Single sign-on',
      '5. Data migration',
      '6. Acceptance testing',
      '7. Training',
      '8. Go-live',
      '9. Switching off the on-premise installation',
    ]);

    const identity = stepItem('4. Single sign-on');
    expect(identity).toHaveAttribute('aria-current', 'step');
    expect(identity).toHaveTextContent('In progress');
    expect(identity).toHaveTextContent('Led by: Establishment');
    expect(identity).toHaveTextContent(
      /\d+ days overdue \(due on October 1, 2026\)/,
    );
    expect(identity).toHaveTextContent('Last change: Step started — ');
    expect(
      within(identity).getByRole('link', { name: 'claire.dubois' }),
    ).toBeInTheDocument();
    expect(
      within(identity).getByRole('link', {
        name: 'Documentation of the step "Single sign-on"',
      }),
    ).toHaveAttribute(
      'href',
      '/docs/default/application/sifac/accompagnement/#identity',
    );

    const migration = stepItem('5. Data migration');
    expect(migration).toHaveTextContent('Blocked');
    expect(migration).toHaveTextContent(
      'Reason: Extraction attendue du prestataire',
    );
    expect(migration).toHaveTextContent('Led by: Amue');
    expect(migration).toHaveTextContent('No due date');

    // History, newest first, and comments.
    const history = screen.getByRole('list', { name: 'History' });
    expect(
      within(history)
        .getAllByRole('listitem')
        .map(item => item.textContent?.split(' · ')[0]),
    ).toEqual([
      'Comment',
      'Step started',
      'Request approved',
      'Request submitted',
    ]);
    expect(
      within(screen.getByRole('list', { name: 'Comments' })).getByText(
        'Métadonnées SAML envoyées',
      ),
    ).toBeInTheDocument();

    // Figures.
    expect(screen.getByText('Funding granted').nextSibling).toHaveTextContent(
      '€40,000',
    );
    expect(screen.getByText('Staff trained').nextSibling).toHaveTextContent(
      '18',
    );
  });

  it('offers an establishment member the establishment-side actions only', async () => {
    renderPage('claire');
    await screen.findByRole('heading', { level: 3, name: '4. Single sign-on' });

    expect(
      within(stepItem('4. Single sign-on'))
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual(['Mark as done', 'Block']);
    // Data migration is Amue's: nothing to do there for the establishment.
    expect(
      within(stepItem('5. Data migration')).queryAllByRole('button'),
    ).toEqual([]);
    expect(
      screen
        .getByRole('heading', { name: 'Where it stands' })
        .closest('section'),
    ).toHaveTextContent('Action required');
    // Funding is recorded by Amue; training by whoever acts on the tenant.
    expect(
      screen.queryByRole('button', { name: 'Record the funding' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Record the training' }),
    ).toBeInTheDocument();
  });

  it('offers the owner of the application the Amue-side actions and the decision', async () => {
    renderPage('sophie', requested);
    await screen.findByRole('heading', { level: 3, name: '2. Qualification' });

    expect(
      within(stepItem('2. Qualification'))
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual([
      'Approve the request',
      'Reject the request',
      'Start',
      'Block',
      'Change the due date',
    ]);
    expect(
      screen.getByRole('button', {
        name: 'Approve the request — step Qualification',
      }),
    ).toBeEnabled();
    expect(
      screen
        .getByRole('heading', { name: 'Where it stands' })
        .closest('section'),
    ).toHaveTextContent('Action required');
    expect(
      screen.getByRole('button', { name: 'Record the funding' }),
    ).toBeInTheDocument();
  });

  it('leaves a reader who acts on neither side with a read-only page', async () => {
    // A member of Lille reading a tenant of Bordeaux would get a 404 from
    // the backend; the owner of another application may read it.
    renderPage('julien');
    await screen.findByRole('heading', { level: 3, name: '4. Single sign-on' });
    expect(
      screen.getByText(
        'You follow this onboarding; only the establishment and Amue act on it.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /step/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('textbox', { name: 'Your comment' }),
    ).not.toBeInTheDocument();
  });

  it('asks for a reason before blocking a step, and sends the row version of the step', async () => {
    const user = userEvent.setup();
    const { cloudApi } = renderPage('claire', onboarding, {
      applyStepAction: jest.fn(async () => onboarding),
    });
    await user.click(
      await screen.findByRole('button', {
        name: 'Block — step Single sign-on',
      }),
    );

    const dialog = screen.getByRole('dialog', {
      name: 'Block the step "Single sign-on"',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Block' }));
    expect(within(dialog).getByText('Enter a reason.')).toBeInTheDocument();
    expect(cloudApi.applyStepAction).not.toHaveBeenCalled();

    await user.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      '  Certificat du fournisseur d’identité expiré ',
    );
    expect(dialog).toHaveTextContent('1957 characters left');
    await user.click(within(dialog).getByRole('button', { name: 'Block' }));

    await waitFor(() =>
      expect(cloudApi.applyStepAction).toHaveBeenCalledWith(NAME, 'identity', {
        action: 'block',
        reason: 'Certificat du fournisseur d’identité expiré',
        rowVersion: 14,
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    // The tenant is read again after the change.
    expect(cloudApi.getTenant).toHaveBeenCalledTimes(2);
  });

  it('refuses a reason longer than 2000 characters', async () => {
    const user = userEvent.setup();
    const { cloudApi } = renderPage('claire', onboarding, {
      applyStepAction: jest.fn(async () => onboarding),
    });
    await user.click(
      await screen.findByRole('button', {
        name: 'Block — step Single sign-on',
      }),
    );
    const dialog = screen.getByRole('dialog');
    const field = within(dialog).getByRole('textbox', { name: /Reason/ });
    await user.click(field);
    await user.paste('x'.repeat(2003));
    expect(dialog).toHaveTextContent('3 characters too many');
    await user.click(within(dialog).getByRole('button', { name: 'Block' }));
    expect(cloudApi.applyStepAction).not.toHaveBeenCalled();
  });

  it('requires a reason to reject a request', async () => {
    const user = userEvent.setup();
    const { cloudApi } = renderPage('sophie', requested, {
      decideRequest: jest.fn(async () => requested),
    });
    await user.click(
      await screen.findByRole('button', {
        name: 'Reject the request — step Qualification',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Reject the request' });
    await user.click(
      within(dialog).getByRole('button', { name: 'Reject the request' }),
    );
    expect(within(dialog).getByText('Enter a reason.')).toBeInTheDocument();
    expect(cloudApi.decideRequest).not.toHaveBeenCalled();

    await user.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'Convention non signée',
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Reject the request' }),
    );
    await waitFor(() =>
      expect(cloudApi.decideRequest).toHaveBeenCalledWith(
        'sifac-0333298f-test',
        { decision: 'reject', reason: 'Convention non signée', rowVersion: 12 },
      ),
    );
  });

  it('approves a request with an optional comment', async () => {
    const user = userEvent.setup();
    const { cloudApi } = renderPage('sophie', requested, {
      decideRequest: jest.fn(async () => requested),
    });
    await user.click(
      await screen.findByRole('button', {
        name: 'Approve the request — step Qualification',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Approve the request' });
    await user.click(
      within(dialog).getByRole('button', { name: 'Approve the request' }),
    );
    await waitFor(() =>
      expect(cloudApi.decideRequest).toHaveBeenCalledWith(
        'sifac-0333298f-test',
        { decision: 'approve', reason: undefined, rowVersion: 12 },
      ),
    );
    expect(
      await screen.findByText('Approve the request: done.'),
    ).toBeInTheDocument();
  });

  it('says when someone else changed the step first, and reloads on demand', async () => {
    const user = userEvent.setup();
    const { cloudApi } = renderPage('claire', onboarding, {
      applyStepAction: jest.fn(async () => {
        throw await httpError(
          409,
          'step "identity" was changed by someone else',
        );
      }),
    });
    await user.click(
      await screen.findByRole('button', {
        name: 'Mark as done — step Single sign-on',
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Someone else changed this step in the meantime. Reload to see the current version.',
    );
    expect(cloudApi.getTenant).toHaveBeenCalledTimes(1);

    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(cloudApi.getTenant).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(
        screen.queryByText(/Someone else changed this step/),
      ).not.toBeInTheDocument(),
    );
  });

  it('shows the message of the backend when an action is refused', async () => {
    const user = userEvent.setup();
    renderPage('claire', onboarding, {
      applyStepAction: jest.fn(async () => {
        throw await httpError(400, 'step "identity" cannot be completed now');
      }),
    });
    await user.click(
      await screen.findByRole('button', {
        name: 'Mark as done — step Single sign-on',
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The action failed: step "identity" cannot be completed now',
    );
  });

  it('adds a comment about a step, counting the characters left', async () => {
    const user = userEvent.setup();
    const { cloudApi } = renderPage('claire', onboarding, {
      addComment: jest.fn(async () => onboarding.events[3]),
    });
    const field = await screen.findByRole('textbox', { name: 'Your comment' });
    expect(screen.getByText('2000 characters left')).toBeInTheDocument();
    const submit = screen.getByRole('button', { name: 'Add the comment' });
    expect(submit).toBeDisabled();

    await user.type(field, 'Test de connexion réussi');
    expect(screen.getByText('1976 characters left')).toBeInTheDocument();
    // About the current step unless another is chosen.
    expect(screen.getByLabelText('Step concerned')).toHaveValue('identity');
    await user.selectOptions(screen.getByLabelText('Step concerned'), '');
    await user.click(submit);

    await waitFor(() =>
      expect(cloudApi.addComment).toHaveBeenCalledWith(NAME, {
        comment: 'Test de connexion réussi',
        stepId: undefined,
      }),
    );
    await waitFor(() => expect(field).toHaveValue(''));
  });

  it('records the funding with the row version of the figures', async () => {
    const user = userEvent.setup();
    const { cloudApi } = renderPage('sophie', onboarding, {
      recordFunding: jest.fn(async () => onboarding.funding),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Record the funding' }),
    );
    const granted = screen.getByRole('textbox', {
      name: 'Funding granted (euros)',
    });
    const paid = screen.getByRole('textbox', { name: 'Funding paid (euros)' });
    expect(granted).toHaveValue('40000');
    await user.clear(paid);
    await user.type(paid, '50000');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      screen.getByText('The funding paid cannot exceed the funding granted.'),
    ).toBeInTheDocument();
    expect(cloudApi.recordFunding).not.toHaveBeenCalled();

    await user.clear(paid);
    await user.type(paid, '20000');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(cloudApi.recordFunding).toHaveBeenCalledWith(NAME, {
        grantedEur: 40000,
        paidEur: 20000,
        rowVersion: 4,
      }),
    );
  });

  it('reloads when the backend signals a change of this tenant only', async () => {
    const { cloudApi, signals } = renderPage('claire');
    await screen.findByRole('heading', { level: 3, name: '4. Single sign-on' });
    expect(cloudApi.getTenant).toHaveBeenCalledTimes(1);

    act(() =>
      signals.send('cloud:tenant', {
        name: 'siham-0333298f-preproduction',
        type: 'step.completed',
        rowVersion: 9,
      }),
    );
    act(() =>
      signals.send('cloud:tenant', {
        name: NAME,
        type: 'step.completed',
        rowVersion: 9,
      }),
    );
    await waitFor(() => expect(cloudApi.getTenant).toHaveBeenCalledTimes(2));
  });

  it('says when the tenant does not exist or may not be read', async () => {
    renderPage(
      'julien',
      await httpError(404, `tenant "${NAME}" was not found`),
    );
    expect(
      await screen.findByText('Hosted instance not found'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Back to my instances' }),
    ).toHaveAttribute('href', '/cloud/instances');
  });

  it('shows other errors with a way to try again', async () => {
    const user = userEvent.setup();
    const { cloudApi } = renderPage('claire', new Error('network down'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The onboarding could not be loaded: network down',
    );
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(cloudApi.getTenant).toHaveBeenCalledTimes(2));
  });

  it('offers nothing to act on once the request is rejected', async () => {
    renderPage(
      'sophie',
      makeDetails(
        makeTenant('sifac-0333298f-test', {
          status: 'decommissioned',
          decommissioned: true,
          currentStep: 'qualification',
        }),
        makeSteps(
          { request: 'done', qualification: 'blocked' },
          { qualification: { reason: 'Hors périmètre' } },
        ),
      ),
    );
    await screen.findByRole('heading', { level: 3, name: '2. Qualification' });
    expect(
      screen.getByText(
        'This request was rejected or the hosted instance is closed: no action remains.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /step/ })).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Record the funding' }),
    ).toBeNull();
  });
  it('names the deployment, not a user, when Argo CD completed the provisioning', async () => {
    const deployed = makeDetails(
      makeTenant(NAME, { url: 'https://sifac-0333298f.cloud.amue.fr/' }),
      makeSteps({
        request: 'done',
        qualification: 'done',
        provisioning: 'done',
      }),
      [
        makeEvent(1, {
          type: 'step.completed',
          stepId: 'provisioning',
          actor: 'deployment:argocd',
        }),
      ],
    );
    renderPage('claire', deployed);
    const provisioning = await screen.findByRole(
      'heading',
      { level: 3, name: '3. Provisioning' },
      { timeout: 10_000 },
    );
    const item = provisioning.closest('li')!;
    expect(item).toHaveTextContent(
      'Last change: Step done — Deployment (Argo CD) — ',
    );
    expect(within(item).queryByRole('link', { name: /argocd/ })).toBeNull();
    const history = screen.getByRole('list', { name: 'History' });
    expect(history).toHaveTextContent('Deployment (Argo CD)');
    expect(within(history).queryByRole('link')).toBeNull();
    expect(
      screen.getByRole('link', {
        name: 'https://sifac-0333298f.cloud.amue.fr/',
      }),
    ).toHaveAttribute('href', 'https://sifac-0333298f.cloud.amue.fr/');
  });

  it('lets Amue change a due date with a reason, and says in a sentence why a change was refused', async () => {
    const user = userEvent.setup();
    const setStepDueDate = jest
      .fn()
      .mockRejectedValueOnce(await httpError(409, 'stale'))
      .mockRejectedValueOnce(await httpError(403, 'not allowed'))
      .mockRejectedValueOnce(
        await httpError(400, 'dueDate must be a day of the calendar'),
      )
      .mockResolvedValueOnce(onboarding);
    const { cloudApi } = renderPage('sophie', onboarding, { setStepDueDate });
    await user.click(
      await screen.findByRole('button', {
        name: 'Change the due date of step Single sign-on',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Change the due date of step Single sign-on',
    });
    const date = within(dialog).getByLabelText(/New due date/);
    expect(date).toHaveValue('2026-10-01');
    // the date gets the focus once the dialog has opened
    await waitFor(() => expect(date).toHaveFocus());

    // The reason is required: nothing is sent without it.
    await user.click(
      within(dialog).getByRole('button', { name: 'Save the due date' }),
    );
    expect(
      within(dialog).getByText('Say why the due date changes.'),
    ).toBeInTheDocument();
    expect(setStepDueDate).not.toHaveBeenCalled();

    fireEvent.change(date, { target: { value: '2026-12-20' } });
    await user.type(
      within(dialog).getByRole('textbox', { name: /Reason for the change/ }),
      'Recette décalée par le prestataire',
    );
    const save = () =>
      user.click(
        within(dialog).getByRole('button', { name: 'Save the due date' }),
      );

    await save();
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The due date was not changed: someone changed this step meanwhile. Cancel, reload the page and try again.',
    );
    await save();
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent(
        "only Amue (this application's product owners and the administrators) may change due dates",
      ),
    );
    await save();
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent(
        'The due date was not changed: dueDate must be a day of the calendar. Correct the date or the reason and save again.',
      ),
    );
    await save();
    expect(setStepDueDate).toHaveBeenLastCalledWith(NAME, 'identity', {
      dueDate: '2026-12-20',
      reason: 'Recette décalée par le prestataire',
      rowVersion: onboarding.steps.find(s => s.id === 'identity')!.rowVersion,
    });
    await waitFor(() =>
      expect(
        screen.queryByRole('dialog', {
          name: 'Change the due date of step Single sign-on',
        }),
      ).not.toBeInTheDocument(),
    );
    // the page is read again to show the new date
    await waitFor(() => expect(cloudApi.getTenant).toHaveBeenCalledTimes(2));
  });

  it('offers no due-date change to the establishment', async () => {
    renderPage('claire');
    await screen.findByRole('heading', { level: 3, name: '4. Single sign-on' });
    expect(
      screen.queryByRole('button', { name: /Change the due date/ }),
    ).not.toBeInTheDocument();
  });
});
