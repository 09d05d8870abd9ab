/*
 * The establishments dataset of a benchmark beyond the ministry's list: the
 * list shipped with the catalog module (231 establishments) and synthetic
 * ones after it, in the same `;`-separated format, so that the catalog's
 * establishment provider ingests them as it would the ministry's export
 * (`catalog.providers.cloudEstablishments.source`).
 *
 * A tenant name is unique per establishment, application and environment,
 * so 100,000 tenants need more than the 231 real establishments (13
 * applications × 4 environments × 231 = 12,012 names): planning for the
 * whole of French higher education means about 3,500 establishments.
 */
import { uaiCheckLetter } from '@amue/plugin-cloud-common';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';

const DATASET = resolvePackagePath(
  '@amue/plugin-catalog-backend-module-cloud',
  'data/fr-esr-principaux-etablissements-enseignement-superieur.csv',
);

/**
 * Writes to `file` the shipped dataset followed by synthetic establishments
 * until it holds `total` rows of establishments, and returns how many were
 * added. Synthetic rows have a valid UAI code (7 digits from 0990000, a
 * range of no real establishment of the dataset, then the check letter), a
 * label and the "public" sector; their other columns are empty.
 */
export function writeEstablishmentsDataset(
  file: string,
  total: number,
): number {
  const text = fs.readFileSync(DATASET, 'utf8');
  const lines = text.split(/\r?\n/).filter(line => line.trim() !== '');
  const header = lines[0].replace(/^\uFEFF/, '').split(';');
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) {
      throw new Error(`the establishments dataset has no "${name}" column`);
    }
    return index;
  };
  const uai = column('uai - identifiant');
  const label = column('libellé');
  const sector = column("secteur d'établissement");
  const existing = lines.length - 1;
  const added = Math.max(0, total - existing);
  const rows: string[] = [];
  for (let i = 0; i < added; i++) {
    const digits = String(990000 + i).padStart(7, '0');
    if (text.includes(digits)) {
      throw new Error(`synthetic UAI ${digits} is already in the dataset`);
    }
    const row = new Array<string>(header.length).fill('');
    row[uai] = `${digits}${uaiCheckLetter(digits)}`;
    row[label] = `Établissement de mesure ${i + 1}`;
    row[sector] = 'public';
    rows.push(row.join(';'));
  }
  fs.writeFileSync(file, `${[...lines, ...rows].join('\n')}\n`);
  return added;
}
