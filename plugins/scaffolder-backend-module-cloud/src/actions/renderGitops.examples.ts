import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Render the deployment descriptors of the tenants a request created (output of cloud:request:create)',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'cloud:gitops:render',
          name: 'Préparer les descripteurs de déploiement',
          input: {
            tenants: [
              {
                name: 'sifac-0333298f-production',
                application: 'sifac',
                uai: '0333298F',
                environment: 'production',
                version: '2026.2',
                idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
                expectedUsers: 1200,
              },
            ],
            targetPath: 'gitops',
          },
        },
      ],
    }),
  },
];
