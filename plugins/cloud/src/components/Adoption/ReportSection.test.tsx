import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { TableDisclosure } from './ReportSection';
import { toggleDisclosure } from './__testUtils__/disclosure';

describe('TableDisclosure', () => {
  it('draws a table kept for when it is opened only once opened, then keeps it', async () => {
    await renderInTestApp(
      <TableDisclosure drawnWhenOpened>
        <table aria-label="Every establishment" />
      </TableDisclosure>,
    );
    const summary = screen.getByText('Show the figures as a table');
    const details = summary.closest('details')!;
    expect(screen.queryByRole('table')).toBeNull();

    toggleDisclosure(details);
    expect(
      screen.getByRole('table', { name: 'Every establishment' }),
    ).toBeInTheDocument();

    toggleDisclosure(details, false);
    // closed again: still drawn (hidden by the disclosure), so that it
    // opens at once and keeps its scroll
    expect(details.querySelector('table')).not.toBeNull();
  });

  it('draws the table with the page otherwise', async () => {
    await renderInTestApp(
      <TableDisclosure>
        <table aria-label="Per step" />
      </TableDisclosure>,
    );
    expect(screen.getByRole('table', { name: 'Per step' })).toBeInTheDocument();
  });
});
