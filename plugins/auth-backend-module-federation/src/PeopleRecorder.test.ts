import { cloudServiceMock } from '@amue/plugin-cloud-node/testUtils';
import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { CloudPeopleRecorder } from './PeopleRecorder';

describe('CloudPeopleRecorder', () => {
  const person = {
    displayName: 'Jean Martin',
    establishments: ['etab-0333298f'],
  };

  it('records a sign-in with the auth backend own credentials', async () => {
    const cloud = cloudServiceMock({
      recordPerson: async (name, input) => ({
        name,
        ...input,
        lastSignInAt: '2026-12-05T10:00:00.000Z',
      }),
    });
    const recorder = new CloudPeopleRecorder({
      cloud,
      auth: mockServices.auth({ pluginId: 'auth' }),
    });
    await recorder.record('jean.martin_u-bordeaux.fr', person);
    expect(cloud.recordPerson).toHaveBeenCalledWith(
      'jean.martin_u-bordeaux.fr',
      person,
      {
        credentials: expect.objectContaining({
          principal: { type: 'service', subject: 'plugin:auth' },
        }),
      },
    );
  });

  it('throws when the cloud backend refuses', async () => {
    const cloud = cloudServiceMock({
      recordPerson: async () => {
        throw new InputError('the onboarding service refused PUT /people/jean');
      },
    });
    const recorder = new CloudPeopleRecorder({
      cloud,
      auth: mockServices.auth({ pluginId: 'auth' }),
    });
    await expect(recorder.record('jean', person)).rejects.toThrow(
      /refused PUT \/people\/jean/,
    );
  });
});
