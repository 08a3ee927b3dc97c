import type { OperationGrant } from '@shuliu/contracts';
import { Space, Tag, TreeSelect, Typography } from 'antd';
import {
  SectorName,
  sectorTree,
  useSectorName,
  useSectors,
  type SectorNode,
} from '../../../components/SectorSelect';
import { useT } from '../../../i18n/I18nProvider';

type Scope = OperationGrant['scope'];

/** 综合授权, or 分领域授权 with the names of its sectors. */
export function ScopeTags({ scope, sectors }: { scope: Scope; sectors: readonly string[] }) {
  const t = useT();
  return (
    <Space size={[0, 4]} wrap data-scope={scope}>
      <Tag color={scope === 'comprehensive' ? 'blue' : 'purple'}>{t.consentOrgs.scope[scope]}</Tag>
      {scope === 'sectoral' &&
        sectors.map((code) => (
          <Tag key={code} bordered={false} data-sector={code}>
            <SectorName code={code} />
          </Tag>
        ))}
    </Space>
  );
}

/** An evaluation score: 80 and above good, 60 and above passing, below failing. */
export function ScoreTag({ score }: { score: number }) {
  const t = useT();
  const color = score >= 80 ? 'green' : score >= 60 ? 'gold' : 'red';
  return (
    <Tag color={color} data-score={score}>
      {t.consentOrgs.op.scoreOf(score)}
    </Tag>
  );
}

/** The newest annual evaluation (the API lists them by year). */
export function latestEvaluation(g: OperationGrant) {
  return g.evaluations.reduce<OperationGrant['evaluations'][number] | undefined>(
    (a, e) => (!a || e.year >= a.year ? e : a),
    undefined,
  );
}

export function LatestScore({ g }: { g: OperationGrant }) {
  const e = latestEvaluation(g);
  if (!e) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4}>
      <ScoreTag score={e.score} />
      <Typography.Text type="secondary">{e.year}</Typography.Text>
    </Space>
  );
}

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

/** Several sectors from the catalog's sector tree (分领域授权 names catalog sector codes). */
export function SectorsSelect({
  value,
  onChange,
  testId,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  testId?: string;
}) {
  const t = useT();
  const q = useSectors();
  const nameOf = useSectorName();
  const toOptions = (list: SectorNode[]): TreeOption[] =>
    list.map((n) => ({
      value: n.sector.code,
      title: `${nameOf(n.sector)} (${n.sector.code})`,
      children: toOptions(n.children),
    }));
  return (
    <TreeSelect
      multiple
      value={value}
      onChange={(v: string[]) => onChange?.(v)}
      treeData={toOptions(sectorTree(q.data?.items ?? []))}
      loading={q.isPending}
      placeholder={t.common.pleaseSelect}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      allowClear
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
