import { cloudReportReadPermission } from '@amue/plugin-cloud-common';
import { usePermission } from '@backstage/plugin-permission-react';

/**
 * Whether the signed-in user may read the programme's reports (Amue product
 * owners and administrators): the permission `cloud.report.read`, decided
 * by the portal's policy. The backend enforces it on every report; the UI
 * only uses it to show or hide the ways to the Adoption page.
 *
 * @public
 */
export function useCanReadCloudReports(): {
  loading: boolean;
  allowed: boolean;
} {
  const { loading, allowed } = usePermission({
    permission: cloudReportReadPermission,
  });
  return { loading, allowed };
}
