import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Commit the descriptors cloud:gitops:render wrote for a tenant to the GitOps repository',
    example: yaml.stringify({
      steps: [
        {
          id: 'commit',
          action: 'cloud:gitops:commit',
          name: 'Enregistrer dans le dépôt GitOps',
          input: {
            tenants: ['sifac-0333298f-production'],
            sourcePath: 'gitops',
          },
        },
      ],
    }),
  },
  {
    description:
      'Remove the folder of a decommissioned tenant from the GitOps repository',
    example: yaml.stringify({
      steps: [
        {
          id: 'commit',
          action: 'cloud:gitops:commit',
          name: 'Retirer du dépôt GitOps',
          input: {
            tenants: ['sifac-0333298f-formation'],
            remove: true,
          },
        },
      ],
    }),
  },
];
