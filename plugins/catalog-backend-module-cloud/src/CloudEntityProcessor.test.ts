import { GroupEntity } from '@backstage/catalog-model';
import { CloudEntityProcessor } from './CloudEntityProcessor';

const group = (
  type: string,
  annotations: Record<string, string> = {},
): GroupEntity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'etab-0333298f', annotations },
  spec: { type, children: [] },
});

describe('CloudEntityProcessor', () => {
  const processor = new CloudEntityProcessor();

  it('accepts an establishment with a valid UAI', async () => {
    const entity = group('establishment', { 'cloud.amue.fr/uai': '0333298F' });
    await expect(processor.preProcessEntity(entity)).resolves.toBe(entity);
  });

  it('ignores groups that are not establishments', async () => {
    const entity = group('team');
    await expect(processor.preProcessEntity(entity)).resolves.toBe(entity);
  });

  it('rejects an establishment without UAI, naming entity and field', async () => {
    await expect(
      processor.preProcessEntity(group('establishment')),
    ).rejects.toThrow(
      'Group "etab-0333298f": metadata.annotations["cloud.amue.fr/uai"] is invalid: a UAI code is required',
    );
  });

  it('rejects an establishment whose UAI has a wrong check letter', async () => {
    await expect(
      processor.preProcessEntity(
        group('establishment', { 'cloud.amue.fr/uai': '0333298G' }),
      ),
    ).rejects.toThrow('wrong check letter: expected F');
  });

  it.each([
    [
      'lowercase',
      '0333298f',
      '"0333298f" must be written in uppercase (0333298F)',
    ],
    ['a leading space', ' 0333298F', '" 0333298F" has spaces around the code'],
    ['a trailing space', '0333298F ', '"0333298F " has spaces around the code'],
  ])(
    'rejects an establishment whose UAI annotation has %s',
    async (_, uai, message) => {
      await expect(
        processor.preProcessEntity(
          group('establishment', { 'cloud.amue.fr/uai': uai }),
        ),
      ).rejects.toThrow(
        `Group "etab-0333298f": metadata.annotations["cloud.amue.fr/uai"] is invalid: ${message}`,
      );
    },
  );
});
