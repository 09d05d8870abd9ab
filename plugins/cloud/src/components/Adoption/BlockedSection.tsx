import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Button, Text } from '@backstage/ui';
import { useMemo, useState } from 'react';
import { cloudTranslationRef } from '../../translation';
import { useCloudLabels, useFormatDate } from '../common/labels';
import { tenantPagePath } from '../TenantOnboarding/paths';
import { CsvExportButton } from './CsvExportButton';
import { DataTable } from './DataTable';
import { ReportSection } from './ReportSection';
import type {
  AdoptionReport,
  BlockedReport,
  BlockedStep,
} from '@amue/plugin-cloud-common';
import { useAdoptionLabels } from './useAdoptionLabels';

/** Blocked steps drawn at a time (the backend sends up to 500). */
export const BLOCKED_PAGE_SIZE = 25;

/**
 * The blocked steps, the oldest first, with their reason and age. The
 * titles of establishments and applications come from the adoption report.
 */
export function BlockedSection(props: {
  report: BlockedReport;
  adoption: AdoptionReport;
}) {
  const { report, adoption } = props;
  const { t } = useTranslationRef(cloudTranslationRef);
  const labels = useAdoptionLabels();
  const cloudLabels = useCloudLabels();
  const formatDate = useFormatDate();
  const title = t('adoption.blocked.title');
  const [limit, setLimit] = useState(BLOCKED_PAGE_SIZE);
  const visible = useMemo(
    () => report.items.slice(0, limit),
    [report.items, limit],
  );

  const titles = useMemo(() => {
    const map = new Map<string, string>();
    for (const a of adoption.applications) {
      map.set(`application:${a.application}`, a.title);
    }
    for (const e of adoption.establishments) {
      map.set(`establishment:${e.establishment}`, e.title);
    }
    return map;
  }, [adoption]);

  let description: string = t('adoption.blocked.description', {
    count: report.total,
  });
  if (report.items.length < report.total) {
    description = `${description} ${t('adoption.blocked.truncated', {
      shown: labels.integer(report.items.length),
      total: labels.integer(report.total),
    })}`;
  }

  return (
    <ReportSection
      title={title}
      description={description}
      actions={<CsvExportButton report="blocked" view={title} />}
    >
      {report.items.length === 0 ? (
        <Text as="p">{t('adoption.blocked.empty')}</Text>
      ) : (
        <DataTable<BlockedStep>
          caption={title}
          rows={visible}
          rowKey={b => `${b.tenant}/${b.step}`}
          maxHeight="60vh"
          columns={[
            {
              id: 'tenant',
              header: t('adoption.blocked.tenant'),
              rowHeader: true,
              cell: b => (
                <Link
                  to={tenantPagePath(b.tenant)}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {b.tenant}
                </Link>
              ),
            },
            {
              id: 'establishment',
              header: t('adoption.blocked.establishment'),
              cell: b =>
                titles.get(`establishment:${b.establishment}`) ??
                b.establishment,
            },
            {
              id: 'application',
              header: t('adoption.blocked.application'),
              cell: b =>
                titles.get(`application:${b.application}`) ?? b.application,
            },
            {
              id: 'environment',
              header: t('adoption.blocked.environment'),
              cell: b => cloudLabels.environment(b.environment),
            },
            {
              id: 'step',
              header: t('adoption.blocked.step'),
              cell: b =>
                t('adoption.blocked.stepWithSide', {
                  step: labels.step(b.step),
                  side: labels.side(b.side),
                }),
            },
            {
              id: 'reason',
              header: t('adoption.blocked.reason'),
              cell: b => b.reason || t('adoption.blocked.noReason'),
            },
            {
              id: 'since',
              header: t('adoption.blocked.since'),
              cell: b => (
                <>
                  {formatDate(b.since.slice(0, 10))}
                  <Text as="div" variant="body-small" color="secondary">
                    {t('adoption.blocked.age', {
                      count: Math.floor(b.ageDays),
                    })}
                  </Text>
                </>
              ),
            },
          ]}
        />
      )}
      {visible.length < report.items.length && (
        <Button
          variant="secondary"
          size="small"
          style={{ alignSelf: 'start' }}
          onPress={() => setLimit(limit + BLOCKED_PAGE_SIZE)}
        >
          {t('adoption.matrix.more', {
            number: labels.integer(
              Math.min(BLOCKED_PAGE_SIZE, report.items.length - visible.length),
            ),
          })}
        </Button>
      )}
    </ReportSection>
  );
}
