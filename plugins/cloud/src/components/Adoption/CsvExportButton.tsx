import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { Button } from '@backstage/ui';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import type { AdoptionCsvView } from '@amue/plugin-cloud-common';
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
 * Downloads the CSV export of a report, computed by the backend
 * (`?format=csv`), as `amue-cloud-<view>-<date>.csv`.
 */
export function CsvExportButton(props: {
  report: CloudReportName;
  /** Which view of the adoption report (the matrix by default). */
  csvView?: AdoptionCsvView;
  /** The view exported, for the accessible name of the button. */
  view: string;
}) {
  const { report, csvView, view } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const cloudApi = useApi(cloudApiRef);
  const alertApi = useApi(alertApiRef);
  const [pending, setPending] = useState(false);

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
  };

  const exportCsv = async () => {
    setPending(true);
    try {
      const blob = await cloudApi.getReportCsv(report, csvView);
      const name =
        report === 'adoption'
          ? fileNames[csvView ?? 'establishments']
          : fileNames[report];
      saveBlob(blob, `amue-cloud-${name}-${today()}.csv`);
    } catch (error) {
      alertApi.post({
        message: t('adoption.csv.error', {
          message: error instanceof Error ? error.message : String(error),
        }),
        severity: 'error',
        display: 'transient',
      });
    } finally {
      setPending(false);
    }
  };

  return (
    <Button
      variant="secondary"
      size="small"
      iconStart={<GetAppIcon fontSize="small" />}
      isPending={pending}
      aria-label={t('adoption.csv.label', { view })}
      onPress={exportCsv}
    >
      {t('adoption.csv.button')}
    </Button>
  );
}
