import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { exampleRequest } from './validateRequest.examples';

export const examples: TemplateExample[] = [
  {
    description:
      'Request SIFAC in production and pre-production for the Université de Bordeaux, as the user running the template',
    example: yaml.stringify({
      steps: [
        {
          id: 'request',
          action: 'cloud:request:create',
          name: 'Créer la demande',
          input: exampleRequest,
        },
      ],
    }),
  },
];
