import fr from './fr';

describe('French messages', () => {
  const messages = fr.messages as Record<string, string>;

  it.each([
    ['values.environment.production', 'Production'],
    ['values.environment.preproduction', 'Pré-production'],
    ['values.environment.formation', 'Formation'],
    ['values.environment.test', 'Test'],
    ['values.tenantStatus.live', 'En service'],
    ['values.tenantStatus.requested', 'Demandée'],
    ['values.tenantStatus.provisioning', 'En déploiement'],
    ['values.tenantStatus.onboarding', 'En accompagnement'],
    ['values.tenantStatus.suspended', 'Suspendue'],
    ['values.tenantStatus.decommissioned', 'Décommissionnée'],
    ['values.versionStatus.supported', 'Maintenue'],
    ['values.versionStatus.deprecated', 'Dépréciée'],
    ['values.versionStatus.endOfLife', 'Fin de vie'],
    ['values.saasStatus.available', 'Disponible'],
    ['values.saasStatus.pilot', 'Pilote'],
    ['values.saasStatus.planned', 'Prévue'],
    ['values.saasStatus.unavailable', 'Non disponible'],
    ['applicationCard.title', 'Versions et environnements'],
    ['instances.title', 'Instances hébergées'],
    ['establishmentFilter.label', 'Établissement'],
  ])('translates %s as "%s"', (key, french) => {
    expect(messages[key]).toBe(french);
  });
});
