import { screen, within } from '@testing-library/react';
import { renderEntityPage } from '../../__testUtils__/renderEntityPage';
import {
  bordeaux,
  bordeauxFormation,
  bordeauxProduction,
  sifac,
} from '../../__testUtils__/entities';
import { tenantEntityCard } from '../../entityExtensions';

/** The value shown under a label of the card. */
function field(label: string) {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

describe('TenantCard', () => {
  it('shows where and how the instance runs', async () => {
    renderEntityPage(bordeauxProduction, [tenantEntityCard], [sifac, bordeaux]);

    expect(
      await screen.findByRole('heading', { name: 'Hosted instance' }),
    ).toBeInTheDocument();

    expect(
      within(field('Application')).getByRole('link', { name: 'sifac' }),
    ).toHaveAttribute('href', '/catalog/default/application/sifac');
    expect(
      within(field('Establishment')).getByRole('link', {
        name: 'etab-0333298f',
      }),
    ).toHaveAttribute('href', '/catalog/default/group/etab-0333298f');
    expect(field('UAI code')).toHaveTextContent('0333298F');
    expect(field('Environment')).toHaveTextContent('Production');
    expect(field('Version')).toHaveTextContent('2024.2');
    expect(field('Status')).toHaveTextContent('Live');

    const url = screen.getByRole('link', {
      name: 'https://sifac.u-bordeaux.cloud.amue.fr',
    });
    expect(url).toHaveAttribute(
      'href',
      'https://sifac.u-bordeaux.cloud.amue.fr',
    );
    expect(url).toHaveAttribute('target', '_blank');
    expect(url).toHaveAttribute('rel', 'noopener noreferrer');

    expect(field('Single sign-on protocol')).toHaveTextContent('SAML 2.0');
    expect(field('Identity provider entity ID')).toHaveTextContent(
      'https://idp.u-bordeaux.fr/idp/shibboleth',
    );
  });

  it('says what is not there yet', async () => {
    renderEntityPage(bordeauxFormation, [tenantEntityCard]);

    expect(await screen.findByText('Not provisioned yet')).toBeInTheDocument();
    expect(field('Environment')).toHaveTextContent('Training');
    expect(field('Status')).toHaveTextContent('Onboarding');
    expect(field('Single sign-on protocol')).toHaveTextContent(
      'Not configured yet',
    );
    expect(field('Identity provider entity ID')).toHaveTextContent(
      'Not configured yet',
    );
  });

  it('is only shown on tenants', async () => {
    renderEntityPage(sifac, [tenantEntityCard]);

    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
  });
});
