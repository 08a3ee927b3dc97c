import { PlusOutlined } from '@ant-design/icons';
import type { Board } from '@shuliu/contracts';
import { Button, Empty, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import type { Messages } from '../../i18n/zh-CN';
import { BoardFormModal, ReviewersModal } from './BoardModals';
import { DeliveryTags } from './market-parts';
import { useBoards } from './market-queries';

function RulesCell({ board }: { board: Board }) {
  const t = useT();
  const m = t.market;
  const r = board.rules;
  const rows = [
    r.deliveryModes && (
      <span key="d">
        {m.ruleDeliveryModes}：<DeliveryTags modes={r.deliveryModes} />
      </span>
    ),
    r.computeOnlySectors?.length && (
      <span key="c">
        {m.ruleComputeOnly}：{r.computeOnlySectors.join('、')}
      </span>
    ),
    r.sectors?.length && (
      <span key="s">
        {m.ruleSectors}：{r.sectors.join('、')}
      </span>
    ),
    r.maxGrade && (
      <span key="g">
        {m.ruleMaxGrade}：{enumLabel(t.grade, r.maxGrade)}
      </span>
    ),
  ].filter(Boolean);
  if (rows.length === 0) return <Typography.Text type="secondary">{m.noRules}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {rows}
    </Space>
  );
}

function columns(t: Messages, edit: (b: Board) => void, reviewers: (b: Board) => void): ColumnsType<Board> {
  const m = t.market;
  return [
    { key: 'code', title: m.boardCode, render: (_, b) => <Typography.Text code>{b.code}</Typography.Text> },
    { key: 'name', title: m.boardName, render: (_, b) => `${b.name}${b.nameEn ? ` / ${b.nameEn}` : ''}` },
    { key: 'description', title: m.boardDesc, render: (_, b) => b.description ?? '—' },
    { key: 'rules', title: m.rules, render: (_, b) => <RulesCell board={b} /> },
    {
      key: 'reviewers',
      title: m.reviewers,
      render: (_, b) =>
        b.reviewers.length
          ? b.reviewers.map((r) => (
              <Tag key={r.userId}>{`${r.displayName ?? r.userId}${r.orgName ? ` · ${r.orgName}` : ''}`}</Tag>
            ))
          : '—',
    },
    { key: 'count', title: m.productsCol, render: (_, b) => b.productCount },
    {
      key: 'actions',
      title: t.common.actions,
      render: (_, b) => (
        <Space>
          <Button type="link" size="small" onClick={() => edit(b)} data-testid={`board-edit-${b.code}`}>
            {t.common.edit}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => reviewers(b)}
            data-testid={`board-reviewers-${b.code}`}
          >
            {m.setReviewers}
          </Button>
        </Space>
      ),
    },
  ];
}

/** 行业板块: the boards, their listing rules over the platform's, and their reviewers. */
export function BoardsPage() {
  const t = useT();
  const m = t.market;
  const q = useBoards();
  const [editing, setEditing] = useState<{ board: Board | null } | null>(null);
  const [assigning, setAssigning] = useState<Board | null>(null);
  return (
    <PageContainer
      title={m.boardsTitle}
      subTitle={m.boardsIntro}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ board: null })}
          data-testid="board-new"
        >
          {m.newBoard}
        </Button>
      }
    >
      <ListCard<Board>
        id="market-boards"
        title={m.boardsTitle}
        columns={columns(t, (b) => setEditing({ board: b }), setAssigning)}
        testId="boards-table"
        error={q.error}
        onRefresh={() => void q.refetch()}
        refreshing={q.isFetching}
        table={{
          rowKey: 'code',
          loading: q.isPending,
          dataSource: q.data?.items,
          pagination: false,
          locale: { emptyText: <Empty /> },
        }}
      />
      {editing && (
        <BoardFormModal
          key={editing.board?.code ?? 'new'}
          open
          board={editing.board}
          onClose={() => setEditing(null)}
        />
      )}
      <ReviewersModal key={assigning?.code} board={assigning} onClose={() => setAssigning(null)} />
    </PageContainer>
  );
}
