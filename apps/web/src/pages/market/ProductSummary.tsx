import type { Product } from '@shuliu/contracts';
import { Alert, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { GradeTag } from '../../components/CatalogTags';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { BoardTags, DeliveryTags, divisionName, PriceBlock, ProductStatusTag } from './market-parts';
import { LicenceTag } from '../trade/order-parts';
import { PolicyWords } from './PolicyView';
import { QualityBadge } from '../quality/reports/QualityBadge';

/** Why a product is not (or no longer) on the market: the rejection, suspension or withdrawal reason. */
export function ProductReasons({ p }: { p: Product }) {
  const t = useT();
  const rows: [string | null, string][] = [
    [p.status === 'rejected' ? p.rejectionReason : null, t.market.reasonRejected],
    [p.status === 'suspended' ? p.suspensionReason : null, t.market.reasonSuspended],
    [p.status === 'withdrawn' ? p.withdrawalReason : null, t.market.reasonWithdrawn],
  ];
  return (
    <>
      {rows
        .filter(([reason]) => reason)
        .map(([reason, label]) => (
          <Alert
            key={label}
            type={p.status === 'withdrawn' ? 'info' : 'warning'}
            showIcon
            title={label}
            description={reason}
            style={{ marginBottom: 16 }}
            data-testid="product-reason"
          />
        ))}
    </>
  );
}

/** The product as a buyer and a reviewer read it: facts, resources, scenarios, the policy in plain words. */
export function ProductSummary({ p }: { p: Product }) {
  const t = useT();
  const { lang } = useI18n();
  return (
    <>
      <Card title={t.market.description} style={{ marginBottom: 16 }}>
        <Typography.Paragraph strong>{p.summary}</Typography.Paragraph>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="product-description">
          {p.description}
        </Typography.Paragraph>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'status', label: t.market.status, children: <ProductStatusTag status={p.status} /> },
            { key: 'grade', label: t.market.grade, children: <GradeTag grade={p.grade} /> },
            { key: 'sector', label: t.market.sector, children: p.sectorName ?? p.sector },
            { key: 'region', label: t.market.region, children: divisionName(p.region, lang) },
            { key: 'boards', label: t.market.boardsLabel, children: <BoardTags boards={p.boards} /> },
            { key: 'delivery', label: t.market.delivery, children: <DeliveryTags modes={p.deliveryModes} /> },
            { key: 'price', label: t.market.price, span: 2, children: <PriceBlock pm={p.priceModel} /> },
            {
              key: 'licence',
              label: t.orders.licence,
              children:
                p.status === 'published' ? (
                  <LicenceTag productId={p.id} />
                ) : p.licence.exclusive ? (
                  t.orders.exclusive
                ) : p.licence.seats === null ? (
                  t.orders.unlimited
                ) : (
                  `${t.orders.seats} ${p.licence.seats}`
                ),
            },
            { key: 'published', label: t.market.publishedAt, children: formatTime(p.publishedAt) },
            {
              key: 'ledger',
              label: t.market.ledger,
              children:
                p.listing?.ledgerIndex != null ? (
                  <Link to="/ledger">{t.market.ledgerEntry(p.listing.ledgerIndex)}</Link>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
      <Card title={t.market.resources} style={{ marginBottom: 16 }}>
        <List
          size="small"
          dataSource={p.resources}
          renderItem={(r) => (
            <List.Item>
              <Space wrap>
                <Link to={`/catalog/resources/${r.id}`}>{r.title ?? r.id}</Link>
                {r.grade && <GradeTag grade={r.grade} />}
                <Tag>{t.market.resourceBasis[r.basis]}</Tag>
                <QualityBadge quality={r.quality} />
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t.market.scenarios} style={{ marginBottom: 16 }}>
        <List
          size="small"
          dataSource={p.scenarios}
          locale={{ emptyText: t.common.none }}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta title={s.title} description={s.description} />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t.market.policy} style={{ marginBottom: 16 }}>
        <PolicyWords json={p.policy} />
      </Card>
    </>
  );
}
