import type { TodoItem, TodoList } from './generated/models';

/*
 * "À faire": what the signed-in person must do next (`GET /todo`). The
 * backend chooses the lines per role; the home page shows them.
 */

/* The API's models under the names the packages know them by. */
export type { TodoItem, TodoList } from './generated/models';

/**
 * Whose to-do list it is.
 *
 * @public
 */
export type TodoRole = TodoList['role'];

/**
 * The order of a to-do list: overdue lines first, then by due date (the
 * nearest first, lines without one last), then the oldest first, then by
 * tenant and step for a stable order.
 *
 * @public
 */
export function compareTodoItems(
  a: Pick<TodoItem, 'overdue' | 'dueDate' | 'since' | 'tenant' | 'step'>,
  b: Pick<TodoItem, 'overdue' | 'dueDate' | 'since' | 'tenant' | 'step'>,
): number {
  if (a.overdue !== b.overdue) {
    return a.overdue ? -1 : 1;
  }
  const dueA = a.dueDate ? Date.parse(a.dueDate) : Number.POSITIVE_INFINITY;
  const dueB = b.dueDate ? Date.parse(b.dueDate) : Number.POSITIVE_INFINITY;
  if (dueA !== dueB) {
    return dueA < dueB ? -1 : 1;
  }
  const sinceA = Date.parse(a.since);
  const sinceB = Date.parse(b.since);
  if (sinceA !== sinceB) {
    return sinceA < sinceB ? -1 : 1;
  }
  return a.tenant === b.tenant
    ? a.step.localeCompare(b.step)
    : a.tenant.localeCompare(b.tenant);
}
