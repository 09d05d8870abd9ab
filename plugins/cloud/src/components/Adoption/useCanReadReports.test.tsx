import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { screen } from '@testing-library/react';
import { useCanReadCloudReports } from './useCanReadReports';

function Probe() {
  const { loading, allowed } = useCanReadCloudReports();
  return <p>{loading ? 'loading' : `allowed: ${allowed}`}</p>;
}

describe('useCanReadCloudReports', () => {
  it('asks the permission framework for cloud.report.read', async () => {
    const asked: string[] = [];
    renderInTestApp(<Probe />, {
      apis: [
        mockApis.permission({
          authorize: (request: EvaluatePermissionRequest) => {
            asked.push(request.permission.name);
            return request.permission.name === 'cloud.report.read'
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY;
          },
        }),
      ],
    });

    expect(await screen.findByText('allowed: true')).toBeInTheDocument();
    expect(asked).toEqual(['cloud.report.read']);
  });
});
