import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { Button, Flex } from '@backstage/ui';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import type {
  AdoptionCsvView,
  ReportCsvFormat,
} from '@amue/plugin-cloud-common';
import { useReportFilters } from './filters';
import { cloudApiRef, type CloudReportName } from '../../api';
import { cloudTranslationRef } from '../../translation';

/** `2026-11-28`: today's date in the reader's time zone. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(
    now.getDate(),
  )}`;
}

/** Saves a blob as a file through a temporary object URL. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the URL: it may be released.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Downloads the CSV exports of a report, computed by the backend for the
 * page's filters: one for spreadsheets (French format: `;`, words, French
 * dates) and one of raw data for programs (`,`, codes, ISO dates), as
 * `amue-cloud-<view>-<date>.csv` and `amue-cloud-<view>-<date>-raw.csv`.
 */
export function CsvExportButton(props: {
  report: CloudReportName;
  /** Which view of the adoption report (the matrix by default). */
  csvView?: AdoptionCsvView;
  /** The view exported, for the accessible name of the buttons. */
  view: string;
}) {
  const { report, csvView, view } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const cloudApi = useApi(cloudApiRef);
  const alertApi = useApi(alertApiRef);
  const filters = useReportFilters();
  const [pending, setPending] = useState<ReportCsvFormat | null>(null);

  const fileNames: Record<
    Exclude<CloudReportName, 'adoption'> | AdoptionCsvView,
    string
  > = {
    establishments: t('adoption.csv.fileNames.adoption'),
    applications: t('adoption.csv.fileNames.applications'),
    totals: t('adoption.csv.fileNames.totals'),
    funnel: t('adoption.csv.fileNames.funnel'),
    durations: t('adoption.csv.fileNames.durations'),
    blocked: t('adoption.csv.fileNames.blocked'),
    overdue: t('adoption.csv.fileNames.overdue'),
    funding: t('adoption.csv.fileNames.funding'),
    map: t('adoption.csv.fileNames.map'),
  };

  const exportCsv = async (format: ReportCsvFormat) => {
    setPending(format);
    try {
      const blob = await cloudApi.getReportCsv(report, {
        view: csvView,
        filters,
        format,
      });
      const name =
        report === 'adoption'
          ? fileNames[csvView ?? 'establishments']
          : fileNames[report];
      const suffix = format === 'csv' ? '-raw' : '';
      saveBlob(blob, `amue-cloud-${name}-${today()}${suffix}.csv`);
    } catch (error) {
      alertApi.post({
        message: t('adoption.csv.error', {
          message: error instanceof Error ? error.message : String(error),
        }),
        severity: 'error',
        display: 'transient',
      });
    } finally {
      setPending(null);
    }
  };

  return (
    <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
      <Button
        variant="secondary"
        size="small"
        iconStart={<GetAppIcon fontSize="small" />}
        isPending={pending === 'csv-fr'}
        aria-label={t('adoption.csv.label', { view })}
        onPress={() => exportCsv('csv-fr')}
      >
        {t('adoption.csv.button')}
      </Button>
      <Button
        variant="tertiary"
        size="small"
        isPending={pending === 'csv'}
        aria-label={t('adoption.csv.rawLabel', { view })}
        onPress={() => exportCsv('csv')}
      >
        {t('adoption.csv.raw')}
      </Button>
    </Flex>
  );
}
