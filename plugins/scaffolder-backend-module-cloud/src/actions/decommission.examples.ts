import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Close the training instance of SIFAC of the Université de Bordeaux',
    example: yaml.stringify({
      steps: [
        {
          id: 'decommission',
          action: 'cloud:tenant:decommission',
          name: "Décommissionner l'instance",
          input: {
            tenant: 'tenant:default/sifac-0333298f-formation',
            reason: 'Formation des utilisateurs terminée',
            confirmation: 'sifac-0333298f-formation',
          },
        },
      ],
    }),
  },
];
