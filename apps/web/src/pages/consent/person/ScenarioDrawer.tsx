import type { ConsentGrant, Person, Scenario, ScenarioVersion } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Flex,
  Radio,
  Result,
  Skeleton,
  Tag,
} from 'antd';
import { useState } from 'react';
import { sdk } from '../../../api/sdk';
import { QueryErrorResult } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { formatTime } from '../../../lib/time';
import { liveGrant, personKeys } from './consent-queries';
import { useDrawerSize, useIsPhone } from './consent-parts';
import { GrantForm } from './GrantForm';
import { ReceiptTimeline } from './ReceiptTimeline';

/** PIPL Art. 17: what the person is told before consenting — purpose, basis, recipient, method, term, flags. */
function ScenarioTerms({ s, v }: { s: Scenario; v: ScenarioVersion }) {
  const t = useT();
  const c = t.consentPerson.scenario;
  const g = t.consentPerson.grant;
  const flag = (on: boolean, color: string) => (
    <Tag color={on ? color : 'default'} bordered={false}>
      {on ? c.yes : c.no}
    </Tag>
  );
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'org', label: g.org, children: s.orgName ?? s.orgId },
        { key: 'recipient', label: g.recipient, children: v.recipient },
        { key: 'purpose', label: g.purpose, children: v.purpose },
        { key: 'basis', label: c.legalBasis, children: v.legalBasis },
        { key: 'method', label: g.method, children: v.processingMethod },
        { key: 'retention', label: c.retention, children: c.retentionDays(v.retentionDays) },
        { key: 'cross', label: c.crossBorder, children: flag(v.crossBorder, 'orange') },
        { key: 'auto', label: c.automated, children: flag(v.automatedDecision, 'orange') },
        { key: 'separate', label: c.separate, children: flag(v.separateConsent, 'red') },
        { key: 'version', label: g.version, children: g.versionNo(v.version) },
      ]}
    />
  );
}

/** Just granted: the outcome, and the signed receipt to keep or check at once. */
function GrantDone({ g, onView, onClose }: { g: ConsentGrant; onView: () => void; onClose: () => void }) {
  const t = useT();
  const c = t.consentPerson.form;
  const phone = useIsPhone();
  return (
    <div data-testid="grant-result">
      <Result
        status="success"
        title={c.success}
        subTitle={c.successSub(g.orgName ?? g.recipient, formatTime(g.expiresAt, 'YYYY-MM-DD'))}
        extra={
          <Flex gap={8} vertical={phone} justify="center">
            <Button type="primary" onClick={onView} block={phone} data-testid="grant-result-view">
              {c.viewGrant}
            </Button>
            <Button onClick={onClose} block={phone}>
              {c.done}
            </Button>
          </Flex>
        }
        style={{ padding: '16px 0' }}
      />
      <ReceiptTimeline receipts={g.receipts} />
    </div>
  );
}

interface BodyProps {
  s: Scenario;
  me: Person;
  grants: ConsentGrant[] | undefined;
  subjectId: string;
  onSubject: (id: string) => void;
  onOpenGrant: (id: string) => void;
  onClose: () => void;
}

/** Who the person consents for: themselves, or a ward whose guardianship they confirmed (PIPL Art. 31). */
function SubjectPicker({
  me,
  value,
  onChange,
}: {
  me: Person;
  value: string;
  onChange: (v: string) => void;
}) {
  const t = useT();
  const wards = me.wards.filter((w) => w.status === 'confirmed');
  if (wards.length === 0) return null;
  return (
    <Flex vertical gap={6} style={{ marginBottom: 16 }}>
      {t.consentPerson.scenario.actingFor}
      <Radio.Group
        value={value}
        onChange={(e) => onChange(String(e.target.value))}
        optionType="button"
        options={[
          { value: me.userId, label: t.consentPerson.scenario.self },
          ...wards.map((w) => ({ value: w.userId, label: w.displayName })),
        ]}
        data-testid="acting-for"
      />
    </Flex>
  );
}

function ScenarioBody({ s, me, grants, subjectId, onSubject, onOpenGrant, onClose }: BodyProps) {
  const t = useT();
  const c = t.consentPerson.scenario;
  const [done, setDone] = useState<ConsentGrant | null>(null);
  const v = s.versions.find((x) => x.id === s.currentVersionId);
  if (!v) return <Empty description={c.notAvailable} />;
  if (done) return <GrantDone g={done} onView={() => onOpenGrant(done.id)} onClose={onClose} />;
  const live = liveGrant(grants, s.id, subjectId);
  const struck = v.fields.filter((f) => f.struck).length;
  const view = (label: string, id: string) => (
    <Button size="small" onClick={() => onOpenGrant(id)} data-testid="scenario-view-grant">
      {label}
    </Button>
  );
  return (
    <>
      <ScenarioTerms s={s} v={v} />
      {struck > 0 && <Alert type="info" showIcon title={c.struck(struck)} style={{ marginTop: 12 }} />}
      <Divider />
      <SubjectPicker me={me} value={subjectId} onChange={onSubject} />
      {live?.status === 'active' ? (
        <Alert
          type="success"
          showIcon
          title={c.alreadyGranted(formatTime(live.expiresAt, 'YYYY-MM-DD'))}
          action={view(c.viewGrant, live.id)}
          data-testid="scenario-granted"
        />
      ) : me.minor && subjectId === me.userId ? (
        <Alert type="info" showIcon title={c.minorCannot} />
      ) : (
        <>
          {live && (
            <Alert
              type="warning"
              showIcon
              title={c.staleGrant}
              action={view(c.viewStale, live.id)}
              style={{ marginBottom: 16 }}
              data-testid="scenario-stale"
            />
          )}
          {/* a fresh form for each person and version: one person's choices never carry over to another */}
          <GrantForm
            key={`${subjectId}:${v.id}`}
            scenario={s}
            version={v}
            subjectId={subjectId}
            me={me}
            onGranted={setDone}
            onRefused={onClose}
          />
        </>
      )}
    </>
  );
}

/** An approved scenario: its terms, and the consent form (or the grant already given). */
export function ScenarioDrawer({
  id,
  ...rest
}: { id: string | null; me: Person | undefined } & Omit<BodyProps, 's' | 'me'>) {
  const t = useT();
  const size = useDrawerSize();
  const q = useQuery({
    queryKey: personKeys.scenario(id ?? ''),
    queryFn: () => sdk.consent.scenario({ params: { id: id! } }),
    enabled: !!id,
  });
  return (
    <Drawer
      open={!!id}
      onClose={rest.onClose}
      size={size}
      title={q.data?.title ?? t.consentPerson.scenario.drawerTitle}
      destroyOnHidden
      data-testid="scenario-drawer"
    >
      {q.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {q.isError && <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && rest.me && <ScenarioBody s={q.data} {...rest} me={rest.me} />}
    </Drawer>
  );
}
