import { mockApis } from '@backstage/frontend-test-utils';
import { contactProblems, validateContacts } from './ContactsField';

describe('contactProblems', () => {
  it('accepts a name and an e-mail address', () => {
    expect(
      contactProblems({ name: 'Claire Dubois', email: 'claire@u-bordeaux.fr' }),
    ).toEqual([]);
  });

  it('refuses a blank name and an address without a domain', () => {
    expect(contactProblems({ name: '  ', email: 'claire@u-bordeaux' })).toEqual(
      ['nameRequired', 'emailInvalid'],
    );
    expect(contactProblems({})).toEqual(['nameRequired', 'emailInvalid']);
  });
});

describe('validateContacts', () => {
  function errorsOf(value: any) {
    const addError = jest.fn();
    validateContacts(
      value,
      { addError } as any,
      {
        apiHolder: { get: () => mockApis.translation() } as any,
        formData: {},
        schema: {},
      } as any,
    );
    return addError.mock.calls.map(c => c[0]);
  }

  it('names the contact and the problem', () => {
    expect(
      errorsOf([
        { name: 'Claire Dubois', email: 'claire@u-bordeaux.fr' },
        { name: 'Nicolas', email: 'nicolas' },
      ]),
    ).toEqual([
      'Contact 2: Enter an e-mail address such as name@univ-example.fr.',
    ]);
    expect(errorsOf([])).toEqual(['Give at least one contact.']);
  });
});
