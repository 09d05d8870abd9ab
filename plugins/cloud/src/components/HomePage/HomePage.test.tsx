import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { cloudApiRef } from '../../api';
import { mockCloudApi } from '../TenantOnboarding/__testUtils__/testData';
import { HomePage } from './HomePage';

const claire = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'claire.dubois', namespace: 'default' },
  spec: { profile: { displayName: 'Claire Dubois' }, memberOf: [] },
};

function renderHome(
  entities: (typeof claire)[] = [claire],
  userEntityRef = 'user:default/claire.dubois',
) {
  return renderInTestApp(<HomePage />, {
    apis: [
      mockApis.identity({ userEntityRef }),
      catalogApiMock({ entities }),
      [
        cloudApiRef,
        mockCloudApi({
          listTodo: jest.fn(async () => ({
            role: 'establishment' as const,
            items: [],
            total: 0,
          })),
        }),
      ],
    ],
  });
}

describe('HomePage', () => {
  it("greets the signed-in user by the catalog's display name", async () => {
    renderHome();

    expect(await screen.findByText('Hello, Claire Dubois')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Amue Cloud Portal' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByText("Amue's applications, offered as a service"),
    ).not.toBeInTheDocument();
  });

  it('falls back to the entity name when the User has no display name', async () => {
    const bare = {
      ...claire,
      metadata: { ...claire.metadata, name: 'bruno' },
      spec: { memberOf: [] },
    } as unknown as typeof claire;
    renderHome([bare], 'user:default/bruno');

    expect(await screen.findByText('Hello, bruno')).toBeInTheDocument();
  });

  it('shows the subtitle when the user is not in the catalog', async () => {
    renderHome([]);

    expect(
      await screen.findByText("Amue's applications, offered as a service"),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Hello,/)).not.toBeInTheDocument();
  });

  it('links the four entry points', async () => {
    renderHome();
    await screen.findByText('Hello, Claire Dubois');

    const link = (title: string) =>
      screen.getByRole('link', { name: `Open : ${title}` });
    expect(link('Service offer')).toHaveAttribute('href', '/cloud/offer');
    expect(link('Request an instance')).toHaveAttribute('href', '/create');
    expect(link('My instances')).toHaveAttribute('href', '/cloud/instances');
    expect(link('Documentation')).toHaveAttribute('href', '/docs');
    expect(screen.getAllByRole('link', { name: /^Open : / })).toHaveLength(4);
  });

  it('renders the English texts', async () => {
    renderHome();
    await screen.findByText('Hello, Claire Dubois');

    for (const text of [
      /^Amue builds the management software of French higher education/,
      'Where to start',
      'Service offer',
      'See which Amue applications are offered as a service, their versions and environments.',
      'Request an instance',
      'Ask for a hosted instance of an application for your establishment through a guided form.',
      'My instances',
      "Follow your establishment's hosted instances, from request to go-live.",
      'Documentation',
      'Read the documentation of the applications and of the portal itself.',
      'How it works',
    ]) {
      expect(screen.getByText(text)).toBeInTheDocument();
    }
    expect(screen.getAllByText('Open')).toHaveLength(4);

    const steps = screen.getAllByRole('listitem').map(li => li.textContent);
    expect(steps).toEqual([
      'Your establishment requests an instance',
      'Amue qualifies the request and signs the agreement',
      'Provisioning, single sign-on, data migration, acceptance and training',
      'Go-live, then the on-premise installation is switched off',
    ]);
  });
});
