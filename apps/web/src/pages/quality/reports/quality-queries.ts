import type { QualityRunSummary } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { sdk } from '../../../api/sdk';

/** Query keys of data quality: everything under ['quality', id] is refreshed after a run or a rules change. */
export const qualityKeys = {
  resource: (id: string) => ['quality', id] as const,
  rules: (id: string) => ['quality', id, 'rules'] as const,
  report: (id: string) => ['quality', id, 'report'] as const,
  runs: (id: string) => ['quality', id, 'runs'] as const,
};

export const isActive = (r: Pick<QualityRunSummary, 'status'>) =>
  r.status === 'queued' || r.status === 'running';

/** The latest finished report; null (not an error) before the first run finishes. */
export function useQualityReport(resourceId: string) {
  return useQuery({
    queryKey: qualityKeys.report(resourceId),
    queryFn: () =>
      sdk.quality.report({ params: { id: resourceId } }).catch((e: unknown) => {
        if ((e as { status?: number }).status === 404) return null;
        throw e;
      }),
  });
}

/** The runs, newest first (the trend), polled every second while one is queued or running. */
export function useQualityRuns(resourceId: string) {
  return useQuery({
    queryKey: qualityKeys.runs(resourceId),
    queryFn: () => sdk.quality.runs({ params: { id: resourceId }, query: { pageSize: 50 } }),
    refetchInterval: (q) => (q.state.data?.items.some(isActive) ? 1000 : false),
  });
}

export function useQualityRules(resourceId: string) {
  return useQuery({
    queryKey: qualityKeys.rules(resourceId),
    queryFn: () => sdk.quality.rules({ params: { id: resourceId } }),
  });
}
