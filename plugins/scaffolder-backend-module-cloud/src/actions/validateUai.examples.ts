import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: "Check the UAI code of the requester's establishment",
    example: yaml.stringify({
      steps: [
        {
          id: 'uai',
          action: 'cloud:uai:validate',
          name: 'Vérifier le code UAI',
          input: { uai: '0333298f' },
        },
      ],
    }),
  },
];
