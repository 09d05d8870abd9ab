import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen } from '@testing-library/react';
import {
  GoLiveDatePickerField,
  localToday,
  validateGoLiveDate,
} from './GoLiveDatePickerField';

describe('GoLiveDatePickerField', () => {
  it('is a labelled date input that starts today', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <GoLiveDatePickerField
        {...({
          onChange,
          schema: { title: 'Date souhaitée', description: 'Une date à venir' },
          idSchema: { $id: 'root_date' },
          rawErrors: [],
        } as any)}
      />,
    );
    const input = screen.getByLabelText('Date souhaitée');
    expect(input).toHaveAttribute('type', 'date');
    expect(input).toHaveAttribute('min', localToday());
    fireEvent.change(input, { target: { value: '2030-09-01' } });
    expect(onChange).toHaveBeenCalledWith('2030-09-01');
  });
});

describe('validateGoLiveDate', () => {
  function errorsOf(value: string | undefined) {
    const addError = jest.fn();
    validateGoLiveDate(value as any, { addError } as any, {
      apiHolder: { get: () => mockApis.translation() } as any,
      formData: {},
      schema: {},
    });
    return addError.mock.calls.map(c => c[0]);
  }

  it('accepts today, a future date and no date', () => {
    expect(errorsOf(localToday())).toEqual([]);
    expect(errorsOf('2099-12-31')).toEqual([]);
    expect(errorsOf(undefined)).toEqual([]);
  });

  it('refuses a past date and what is not a date', () => {
    expect(errorsOf('2020-01-01')).toEqual([
      'The date must not be in the past.',
    ]);
    expect(errorsOf('2030-02-30')).toEqual(['Enter a date.']);
    expect(errorsOf('demain')).toEqual(['Enter a date.']);
  });
});
