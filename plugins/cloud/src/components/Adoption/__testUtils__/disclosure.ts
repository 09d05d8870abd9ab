import { act } from '@testing-library/react';

/** Opens or closes a `<details>` disclosure as a click on its summary does. */
export function toggleDisclosure(details: HTMLDetailsElement, open = true) {
  act(() => {
    details.open = open;
    details.dispatchEvent(new Event('toggle'));
  });
}
