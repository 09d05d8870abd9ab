import type { TodoItem, TodoList } from '@amue/plugin-cloud-common';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloudApiRef } from '../../api';
import {
  mockCloudApi,
  mockSignals,
} from '../TenantOnboarding/__testUtils__/testData';
import { TodoSection } from './TodoSection';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) =>
  new Date(Date.now() + days * DAY_MS).toISOString();

const entities = [
  {
    apiVersion: 'cloud.amue.fr/v1alpha1',
    kind: 'Application',
    metadata: { name: 'sifac', namespace: 'default', title: 'SIFAC' },
    spec: { owner: 'group:default/amue-equipe-finance' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'etab-0597239y',
      namespace: 'default',
      title: 'Université de Lille',
      annotations: { 'cloud.amue.fr/uai': '0597239Y' },
    },
    spec: { type: 'establishment', children: [] },
  },
];

function item(overrides: Partial<TodoItem>): TodoItem {
  return {
    kind: 'step',
    tenant: 'sifac-0333298f-production',
    application: 'sifac',
    establishment: 'etab-0333298f',
    environment: 'production',
    step: 'identity',
    side: 'establishment',
    status: 'in_progress',
    reason: null,
    dueDate: null,
    overdue: false,
    since: daysFromNow(-2),
    ...overrides,
  };
}

function renderSection(list: TodoList | Error, signals = mockSignals()) {
  const listTodo = jest.fn(async () => {
    if (list instanceof Error) {
      throw list;
    }
    return list;
  });
  renderInTestApp(<TodoSection />, {
    apis: [
      [cloudApiRef, mockCloudApi({ listTodo })],
      catalogApiMock({ entities }),
      mockApis.translation(),
      signals.pair,
    ],
  });
  return listTodo;
}

describe('TodoSection', () => {
  it('lists the establishment’s steps with their due dates in words, each linking to its step', async () => {
    renderSection({
      role: 'establishment',
      total: 2,
      items: [
        item({ dueDate: daysFromNow(-3.5), overdue: true }),
        item({
          tenant: 'sifac-0333298f-preproduction',
          environment: 'preproduction',
          step: 'acceptance',
          dueDate: daysFromNow(5.5),
        }),
      ],
    });
    const list = await screen.findByRole('list', { name: 'To do' });
    expect(
      screen.getByText(
        'The steps waiting on your establishment, the overdue ones first.',
      ),
    ).toBeInTheDocument();
    const [late, next] = within(list).getAllByRole('listitem');
    expect(late).toHaveTextContent('Single sign-on: SIFAC (Production)');
    expect(late).toHaveTextContent(/^.*4 days overdue \(due on .+\)$/);
    expect(within(late).getByRole('link')).toHaveAttribute(
      'href',
      '/cloud/tenants/sifac-0333298f-production#step-identity',
    );
    expect(next).toHaveTextContent(
      'Acceptance testing: SIFAC (Pre-production)',
    );
    expect(next).toHaveTextContent(/Due on .+, in 5 days/);
    // an establishment member is not told their own establishment's name
    expect(list).not.toHaveTextContent('etab-0333298f');
  });

  it('gives a product owner the requests to qualify with their age, linking to Requests', async () => {
    renderSection({
      role: 'product-owner',
      total: 1,
      items: [
        item({
          kind: 'request',
          tenant: 'sifac-0597239y-production',
          establishment: 'etab-0597239y',
          step: 'qualification',
          side: 'amue',
          status: 'todo',
          since: daysFromNow(-6.2),
        }),
      ],
    });
    const list = await screen.findByRole('list', { name: 'To do' });
    const [request] = within(list).getAllByRole('listitem');
    expect(request).toHaveTextContent(
      'Qualify the request: SIFAC (Production)',
    );
    expect(request).toHaveTextContent('Requested 6 days ago');
    await waitFor(() =>
      expect(request).toHaveTextContent('Université de Lille'),
    );
    expect(within(request).getByRole('link')).toHaveAttribute(
      'href',
      '/cloud/requests',
    );
  });

  it('shows an administrator a blocked step with its reason and establishment', async () => {
    renderSection({
      role: 'administrator',
      total: 1,
      items: [
        item({
          establishment: 'etab-0597239y',
          step: 'training',
          side: 'amue',
          status: 'blocked',
          reason: 'Formateur indisponible',
        }),
      ],
    });
    const list = await screen.findByRole('list', { name: 'To do' });
    expect(list).toHaveTextContent('Training: SIFAC (Production)');
    expect(list).toHaveTextContent('Blocked: Formateur indisponible');
    expect(list).toHaveTextContent('No due date');
    await waitFor(() => expect(list).toHaveTextContent('Université de Lille'));
  });

  it('tells an administrator when nothing is blocked or late', async () => {
    renderSection({ role: 'administrator', total: 0, items: [] });
    expect(
      await screen.findByText('No step is blocked or overdue.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('says what to do when the list cannot be loaded, and tries again', async () => {
    const listTodo = renderSection(new Error('Service Unavailable'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your to-do list could not be loaded (Service Unavailable). Try again; if it keeps failing, the rest of the portal still works.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(listTodo).toHaveBeenCalledTimes(2));
  });

  it('reads the list again when a tenant changes, keeping the lines on screen', async () => {
    const signals = mockSignals();
    const listTodo = renderSection(
      { role: 'establishment', total: 1, items: [item({})] },
      signals,
    );
    await screen.findByRole('list', { name: 'To do' });
    signals.send('cloud:tenant', {
      name: 'sifac-0333298f-production',
      type: 'step.completed',
    });
    await waitFor(() => expect(listTodo).toHaveBeenCalledTimes(2));
    expect(screen.getByRole('list', { name: 'To do' })).toBeInTheDocument();
  });
});
