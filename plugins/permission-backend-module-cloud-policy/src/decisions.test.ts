import { cloudPermissions } from '@amue/plugin-cloud-common';
import { catalogPermissions } from '@backstage/plugin-catalog-common/alpha';
import { scaffolderPermissions } from '@backstage/plugin-scaffolder-common/alpha';
import fs from 'node:fs';
import path from 'node:path';
import { permissionDecisions, renderDecisionTable } from './decisions';

/** The cells of a Markdown table's rows, whitespace and alignment aside. */
function cells(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter(line => line.trim().startsWith('|'))
    .map(line =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map(cell => cell.trim()),
    )
    .filter(row => !row.every(cell => /^:?-+:?$/.test(cell)));
}

describe('the decision table', () => {
  it('decides every permission of the catalog, the scaffolder and the cloud plugin', () => {
    const names = [
      ...catalogPermissions,
      ...scaffolderPermissions,
      ...cloudPermissions,
    ].map(p => p.name);
    expect(names.filter(name => !permissionDecisions[name])).toEqual([]);
  });

  it('is the table of the README', () => {
    const readme = fs.readFileSync(
      path.join(__dirname, '..', 'README.md'),
      'utf8',
    );
    const section = readme.split('<!-- decision-table -->')[1] ?? '';
    expect(cells(section)).toEqual(cells(renderDecisionTable()));
  });
});
