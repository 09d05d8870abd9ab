import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { checkUai } from '@amue/plugin-cloud-common';
import { examples } from './validateUai.examples';

/**
 * `cloud:uai:validate`: checks an establishment's UAI code (format and check
 * letter) and outputs it normalised to uppercase. Fails the task with a
 * message naming the field and the rule otherwise. Side-effect free, so it
 * runs in dry-run too.
 *
 * @public
 */
export function createValidateUaiAction() {
  return createTemplateAction({
    id: 'cloud:uai:validate',
    description:
      "Checks an establishment's UAI code (7 digits and the check letter) and outputs it in uppercase.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        uai: z =>
          z.string().describe('UAI code of the establishment, e.g. 0333298F'),
      },
      output: {
        uai: z => z.string().describe('The UAI code, uppercase'),
      },
    },
    async handler(ctx) {
      const check = checkUai(ctx.input.uai);
      if (!check.valid) {
        throw new InputError(`input.uai is invalid: ${check.reason}`);
      }
      ctx.output('uai', check.uai);
    },
  });
}
