import type { ConsentGrant } from '@shuliu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { sdk } from '../../../api/sdk';

/** Query keys of the person's hub; a grant, revocation or confirmation refreshes all of them. */
export const personKeys = {
  all: ['consent', 'person'] as const,
  me: ['consent', 'person', 'me'] as const,
  grants: ['consent', 'person', 'grants'] as const,
  grant: (id: string) => ['consent', 'person', 'grant', id] as const,
  scenarios: (page: number, pageSize: number) => ['consent', 'person', 'scenarios', page, pageSize] as const,
  scenario: (id: string) => ['consent', 'person', 'scenario', id] as const,
  receipt: (id: string) => ['consent', 'person', 'receipt', id] as const,
  uses: (grantId: string, page: number) => ['consent', 'person', 'uses', grantId, page] as const,
};

/** A person holds a handful of grants (their own and their wards'): one page of the largest size holds them. */
const GRANTS_PAGE_SIZE = 200;

export function usePerson() {
  return useQuery({ queryKey: personKeys.me, queryFn: () => sdk.consent.me() });
}

export function useMyGrants() {
  return useQuery({
    queryKey: personKeys.grants,
    queryFn: () => sdk.consent.grants({ query: { pageSize: GRANTS_PAGE_SIZE } }),
  });
}

export function useRefreshConsent(): () => Promise<void> {
  const qc = useQueryClient();
  return useCallback(() => qc.invalidateQueries({ queryKey: personKeys.all }), [qc]);
}

/** The person's open grant of a scenario: not revoked, and not yet replaced by a newer consent. */
export function liveGrant(
  grants: readonly ConsentGrant[] | undefined,
  scenarioId: string,
  subjectId: string,
): ConsentGrant | undefined {
  return grants?.find(
    (g) => g.scenarioId === scenarioId && g.subjectId === subjectId && !g.revokedAt && !g.replacedBy,
  );
}
