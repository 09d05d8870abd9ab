import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Add a training environment to the production SIFAC of the Université de Bordeaux',
    example: yaml.stringify({
      steps: [
        {
          id: 'request',
          action: 'cloud:tenant:add-environment',
          name: 'Demander le nouvel environnement',
          input: {
            tenant: 'tenant:default/sifac-0333298f-production',
            environments: ['formation'],
            wishedGoLiveDate: '2030-01-15',
          },
        },
      ],
    }),
  },
];
