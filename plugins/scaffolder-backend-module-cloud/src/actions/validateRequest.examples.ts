import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** The request of the examples: SIFAC for the Université de Bordeaux. */
export const exampleRequest = {
  application: 'application:default/sifac',
  uai: '0333298F',
  environments: ['production', 'preproduction'],
  version: '2026.2',
  wishedGoLiveDate: '2030-09-01',
  expectedUsers: 1200,
  idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
  migration: true,
  contacts: [
    {
      name: 'Claire Dubois',
      email: 'claire.dubois@u-bordeaux.fr',
      role: 'Cheffe de projet DSI',
    },
  ],
};

export const examples: TemplateExample[] = [
  {
    description:
      'Check a request for SIFAC in production and pre-production before creating it',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'cloud:request:validate',
          name: 'Vérifier la demande',
          input: exampleRequest,
        },
      ],
    }),
  },
];
