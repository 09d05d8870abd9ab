import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Move the production SIFAC of the Université de Bordeaux to 2026.2',
    example: yaml.stringify({
      steps: [
        {
          id: 'version',
          action: 'cloud:tenant:change-version',
          name: 'Changer de version',
          input: {
            tenant: 'tenant:default/sifac-0333298f-production',
            version: '2026.2',
          },
        },
      ],
    }),
  },
];
