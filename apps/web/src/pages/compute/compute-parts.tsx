import type { Job, JobStatus, SubmitJobBody } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { sdk } from '../../api/sdk';
import { useT } from '../../i18n/I18nProvider';

const STATUS_COLOR: Record<JobStatus, string> = {
  queued: 'default',
  running: 'processing',
  review: 'warning',
  done: 'success',
  refused: 'error',
  failed: 'error',
  withheld: 'volcano',
};

/** A job's status as a coloured tag, with its value for tests. */
export function JobStatusTag({ status }: { status: JobStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="job-status" data-status={status}>
      {t.compute.status[status]}
    </Tag>
  );
}

/** Statuses a job leaves by itself: a page showing one polls until it is past them. */
export const isPending = (j: Pick<Job, 'status'> | undefined) =>
  j?.status === 'queued' || j?.status === 'running';

/** ε (and δ where spent) as the budget counts it. */
export const formatPrivacy = (p: { epsilon: number; delta: number } | null) =>
  p === null ? '—' : `ε = ${+p.epsilon.toFixed(6)}${p.delta ? `, δ = ${p.delta.toExponential(2)}` : ''}`;

/** Submits a job and, once queued, says so and opens its page: the workbench's forms share it. */
export function useSubmitJob() {
  const x = useT().compute;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitJobBody) => sdk.compute.submitJob({ body }),
    onSuccess: (j) => {
      void message.success(x.submitted(j.id));
      void qc.invalidateQueries({ queryKey: ['compute'] });
      void navigate(`/compute/jobs/${j.id}`);
    },
  });
}
