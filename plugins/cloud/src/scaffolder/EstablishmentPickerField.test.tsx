import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { identityApiRef } from '@backstage/frontend-plugin-api';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { amueTeam, bordeaux, lille, sifac } from '../__testUtils__/entities';
import {
  EstablishmentPickerField,
  validateEstablishment,
} from './EstablishmentPickerField';

/** SIFAC owned by the product team (the relation the catalog derives). */
const ownedSifac = {
  ...sifac,
  relations: [{ type: 'ownedBy', targetRef: 'group:default/equipe-sifac' }],
};
const entities = [bordeaux, lille, amueTeam, ownedSifac];

function props(overrides: object = {}) {
  return {
    formData: undefined,
    onChange: jest.fn(),
    required: true,
    schema: { title: 'Établissement', description: 'Votre établissement' },
    uiSchema: {},
    idSchema: { $id: 'root_uai' },
    rawErrors: [],
    formContext: { formData: {} },
    ...overrides,
  } as any;
}

function render(ownershipEntityRefs: string[], fieldProps = props()) {
  return renderInTestApp(<EstablishmentPickerField {...fieldProps} />, {
    apis: [
      mockApis.identity({
        userEntityRef: 'user:default/someone',
        ownershipEntityRefs,
      }),
      catalogApiMock({ entities }),
    ],
  });
}

async function openOptions() {
  await userEvent.click(screen.getByRole('textbox', { name: /Établissement/ }));
  return screen.getAllByRole('option').map(o => o.textContent);
}

describe('EstablishmentPickerField', () => {
  it('defaults a member of an establishment to theirs, and offers no other', async () => {
    const fieldProps = props();
    await render(
      ['user:default/claire.dubois', 'group:default/etab-0333298f'],
      fieldProps,
    );
    await waitFor(() =>
      expect(fieldProps.onChange).toHaveBeenCalledWith('0333298F'),
    );
    expect(
      screen.getByText(
        'You may request instances for your own establishment only.',
      ),
    ).toBeInTheDocument();
    // One establishment: the field is fixed.
    expect(
      screen.getByRole('textbox', { name: /Établissement/ }),
    ).toBeDisabled();
  });

  it('replaces an establishment given in the address that is not theirs', async () => {
    const fieldProps = props({ formData: '0597239Y' });
    await render(['group:default/etab-0333298f'], fieldProps);
    await waitFor(() =>
      expect(fieldProps.onChange).toHaveBeenCalledWith('0333298F'),
    );
  });

  it('lets a member of two establishments choose among those only', async () => {
    const fieldProps = props({ formData: '0597239Y' });
    await render(
      ['group:default/etab-0333298f', 'group:default/etab-0597239y'],
      fieldProps,
    );
    const input = await screen.findByDisplayValue(
      'Université de Lille (0597239Y)',
    );
    expect(input).toBeEnabled();
    expect(await openOptions()).toEqual([
      'Université de Bordeaux (0333298F)',
      'Université de Lille (0597239Y)',
    ]);
    expect(fieldProps.onChange).not.toHaveBeenCalled();
  });

  it('lets Amue (a product owner) choose any establishment of the catalog', async () => {
    const fieldProps = props();
    await render(
      ['user:default/sophie.bernard', 'group:default/equipe-sifac'],
      fieldProps,
    );
    await waitFor(() =>
      expect(
        screen.getByRole('textbox', { name: /Établissement/ }),
      ).toBeEnabled(),
    );
    expect(await openOptions()).toEqual([
      'Université de Bordeaux (0333298F)',
      'Université de Lille (0597239Y)',
    ]);
    await userEvent.click(screen.getByRole('option', { name: /Lille/ }));
    expect(fieldProps.onChange).toHaveBeenLastCalledWith('0597239Y');
  });

  it('tells somebody of no establishment and no Amue team', async () => {
    await render(['user:default/guest']);
    expect(
      await screen.findByText(/You are not a member of any establishment/),
    ).toBeInTheDocument();
  });
});

describe('validateEstablishment', () => {
  function apiHolder(ownershipEntityRefs: string[]) {
    const apis = new Map<string, unknown>([
      [identityApiRef.id, mockApis.identity({ ownershipEntityRefs })],
      [catalogApiRef.id, catalogApiMock({ entities })],
    ]);
    return { get: (ref: { id: string }) => apis.get(ref.id) } as any;
  }

  async function errorsOf(value: string | undefined, claims: string[]) {
    const addError = jest.fn();
    await validateEstablishment(value as any, { addError } as any, {
      apiHolder: apiHolder(claims),
      formData: {},
      schema: {},
    });
    return addError.mock.calls.map(c => c[0]);
  }

  it('accepts the own establishment of a member', async () => {
    expect(await errorsOf('0333298F', ['group:default/etab-0333298f'])).toEqual(
      [],
    );
  });

  it('refuses another establishment to a member', async () => {
    expect(await errorsOf('0597239Y', ['group:default/etab-0333298f'])).toEqual(
      ['scaffolder.establishment.notAllowed'],
    );
  });

  it('accepts any establishment from Amue', async () => {
    expect(await errorsOf('0597239Y', ['group:default/amue-admins'])).toEqual(
      [],
    );
  });

  it('refuses an empty value and a wrong UAI code', async () => {
    expect(await errorsOf(undefined, [])).toEqual([
      'scaffolder.establishment.required',
    ]);
    expect(await errorsOf('0333298X', [])).toEqual([
      'scaffolder.establishment.invalid',
    ]);
  });
});
