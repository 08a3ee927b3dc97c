import { ArrowRightOutlined } from '@ant-design/icons';
import type { Resource } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Row, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { GradeTag, ProcessingTag } from '../../components/CatalogTags';
import { QueryErrorAlert } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { catalogKeys } from './catalog-queries';

function Node({ r, here, linkOf }: { r: Resource; here?: boolean; linkOf: (id: string) => string }) {
  const title = here ? (
    <Typography.Text strong>{r.title}</Typography.Text>
  ) : (
    <Link to={linkOf(r.id)}>{r.title}</Link>
  );
  return (
    <Card size="small" style={{ borderColor: here ? '#1677ff' : undefined }} data-testid={`lineage-${r.id}`}>
      <Space orientation="vertical" size={4}>
        {title}
        <Space size={4} wrap>
          <GradeTag grade={r.grade} />
          <StatusTag status={r.status} />
          <ProcessingTag value={r.processing} />
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.ownerOrgName} · {formatTime(r.updatedAt, 'YYYY-MM-DD')}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/** 血缘: the source a derived resource was made from → this resource → its masked derivatives. */
export function LineageTab({
  r,
  linkOf = (id) => `/catalog/resources/${id}`,
}: {
  r: Resource;
  linkOf?: (id: string) => string;
}) {
  const t = useT();
  const q = useQuery({
    queryKey: catalogKeys.lineage(r.id),
    queryFn: () => sdk.catalog.lineage({ params: { id: r.id } }),
  });
  if (q.isPending) return <Spin />;
  if (q.isError) return <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const { source, derivatives } = q.data;
  if (!source && derivatives.length === 0)
    return (
      <Card>
        <Empty description={t.lineage.none} />
      </Card>
    );
  const arrow = (
    <Flex align="center" justify="center" style={{ height: '100%', fontSize: 20, color: '#8c8c8c' }}>
      <ArrowRightOutlined />
    </Flex>
  );
  return (
    <Card>
      <Row gutter={8} align="middle" wrap={false} style={{ overflowX: 'auto' }}>
        {source && (
          <>
            <Col flex="260px">
              <Typography.Text type="secondary">{t.lineage.source}</Typography.Text>
              <Node r={source} linkOf={linkOf} />
            </Col>
            <Col flex="40px">{arrow}</Col>
          </>
        )}
        <Col flex="260px">
          <Typography.Text type="secondary">{t.lineage.current}</Typography.Text>
          <Node r={r} here linkOf={linkOf} />
        </Col>
        <Col flex="40px">{derivatives.length > 0 && arrow}</Col>
        <Col flex="260px">
          <Typography.Text type="secondary">{t.lineage.derivatives}</Typography.Text>
          <Flex vertical gap={8}>
            {derivatives.length ? (
              derivatives.map((d) => <Node key={d.id} r={d} linkOf={linkOf} />)
            ) : (
              <Typography.Text type="secondary">{t.lineage.noDerivatives}</Typography.Text>
            )}
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
