import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bordeauxProduction, sifac } from '../__testUtils__/entities';
import {
  ApplicationVersionPickerField,
  loadVersionChoices,
  validateApplicationVersion,
} from './ApplicationVersionPickerField';

const sifacNewer = {
  ...sifac,
  spec: {
    ...sifac.spec,
    versions: [
      { version: '2025.1', status: 'supported', releaseDate: '2025-04-14' },
      ...sifac.spec.versions,
    ],
  },
};
const entities = [sifacNewer, bordeauxProduction];

function props(formData: Record<string, unknown>, overrides: object = {}) {
  return {
    formData: undefined,
    onChange: jest.fn(),
    required: true,
    schema: { title: 'Version', description: 'Une version maintenue' },
    uiSchema: { 'ui:options': { applicationField: 'application' } },
    idSchema: { $id: 'root_version' },
    rawErrors: [],
    formContext: { formData },
    ...overrides,
  } as any;
}

function render(fieldProps: any) {
  return renderInTestApp(<ApplicationVersionPickerField {...fieldProps} />, {
    apis: [catalogApiMock({ entities })],
  });
}

describe('ApplicationVersionPickerField', () => {
  it('asks for the application first', async () => {
    await render(props({}));
    expect(
      await screen.findByText('Choose the application first.'),
    ).toBeInTheDocument();
  });

  it("lists the chosen application's supported versions, the newest by default", async () => {
    const fieldProps = props({ application: 'application:default/sifac' });
    await render(fieldProps);
    await waitFor(() =>
      expect(fieldProps.onChange).toHaveBeenCalledWith('2025.1'),
    );
    await userEvent.click(screen.getByRole('button', { name: /Version/ }));
    const options = within(screen.getByRole('listbox'))
      .getAllByRole('option')
      .map(o => o.textContent);
    expect(options).toEqual([
      '2025.1 (released April 14, 2025)',
      '2024.2 (released November 4, 2024)',
    ]);
  });

  it("reads the application of a Tenant and marks the tenant's version", async () => {
    const fieldProps = props(
      { tenant: 'tenant:default/sifac-0333298f-production' },
      {
        formData: '2024.2',
        uiSchema: { 'ui:options': { applicationField: 'tenant' } },
      },
    );
    await render(fieldProps);
    await userEvent.click(
      await screen.findByRole('button', { name: /Version/ }),
    );
    expect(
      within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['2025.1 (released April 14, 2025)', '2024.2 (current version)']);
    expect(fieldProps.onChange).not.toHaveBeenCalled();
  });

  it('chooses nothing by default when optional', async () => {
    const fieldProps = props(
      { tenant: 'tenant:default/sifac-0333298f-production' },
      {
        uiSchema: {
          'ui:options': { applicationField: 'tenant', optional: true },
        },
      },
    );
    await render(fieldProps);
    await userEvent.click(
      await screen.findByRole('button', { name: /Version/ }),
    );
    expect(
      screen.getByRole('option', { name: 'Keep the current version' }),
    ).toBeInTheDocument();
    expect(fieldProps.onChange).not.toHaveBeenCalled();
  });
});

describe('loadVersionChoices', () => {
  it('knows nothing of other kinds or missing entities', async () => {
    const catalogApi = catalogApiMock({ entities });
    expect(
      await loadVersionChoices(catalogApi, 'component:default/x'),
    ).toBeUndefined();
    expect(await loadVersionChoices(catalogApi, 'pegase')).toBeUndefined();
    expect(
      (await loadVersionChoices(catalogApi, 'sifac'))?.versions.map(
        v => v.version,
      ),
    ).toEqual(['2025.1', '2024.2']);
  });
});

describe('validateApplicationVersion', () => {
  async function errorsOf(
    value: string | undefined,
    uiOptions: { optional?: boolean } = {},
  ) {
    const addError = jest.fn();
    const apiHolder = {
      get: (ref: { id: string }) =>
        ref.id === catalogApiRef.id
          ? catalogApiMock({ entities })
          : mockApis.translation(),
    } as any;
    await validateApplicationVersion(value as any, { addError } as any, {
      apiHolder,
      formData: { application: 'sifac' },
      schema: {},
      uiSchema: { 'ui:options': uiOptions },
    });
    return addError.mock.calls.map(c => c[0]);
  }

  it('accepts a supported version and refuses a deprecated one', async () => {
    expect(await errorsOf('2024.2')).toEqual([]);
    expect(await errorsOf('2023.1')).toEqual([
      'Version 2023.1 is not a supported version of this application.',
    ]);
  });

  it('requires a version unless optional', async () => {
    expect(await errorsOf(undefined)).toEqual(['Choose a version.']);
    expect(await errorsOf(undefined, { optional: true })).toEqual([]);
  });
});
