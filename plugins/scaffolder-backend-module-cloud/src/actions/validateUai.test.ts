import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createValidateUaiAction } from './validateUai';
import { examples } from './validateUai.examples';

describe('cloud:uai:validate', () => {
  const action = createValidateUaiAction();

  it('outputs the normalised UAI of the example', async () => {
    const input = yaml.parse(examples[0].example).steps[0].input;
    const ctx = createMockActionContext({ input });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('uai', '0333298F');
  });

  it('runs in dry-run as well', async () => {
    const ctx = createMockActionContext({
      input: { uai: '0597239Y' },
      isDryRun: true,
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('uai', '0597239Y');
  });

  it('fails naming the field and the rule, outputting nothing', async () => {
    const ctx = createMockActionContext({ input: { uai: '0597239Z' } });
    await expect(action.handler(ctx)).rejects.toThrow(
      'input.uai is invalid: "0597239Z" has a wrong check letter: expected Y',
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });
});
