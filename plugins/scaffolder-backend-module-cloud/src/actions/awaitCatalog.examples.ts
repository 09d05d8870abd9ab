import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Wait until the requested tenants are in the catalog',
    example: yaml.stringify({
      steps: [
        {
          id: 'register',
          action: 'cloud:tenant:await-catalog',
          name: 'Inscrire au catalogue',
          input: {
            tenants: ['sifac-0333298f-production'],
            timeoutSeconds: 30,
          },
        },
      ],
    }),
  },
];
