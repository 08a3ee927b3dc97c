import { SafetyCertificateOutlined, ShopOutlined } from '@ant-design/icons';
import { Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { divisionName } from './market-parts';
import { useSeller } from './market-queries';

/**
 * 数据商: the seller's public profile beside its product — registration facts and its record in the market.
 * Until it loads (or where the seller is not shown, e.g. a draft's seller before its first listing), the
 * product's own facts stand in.
 */
export function SellerCard({
  orgId,
  orgName,
  region,
}: {
  orgId: string;
  orgName: string | null;
  region: string;
}) {
  const t = useT();
  const { lang } = useI18n();
  const q = useSeller(orgId);
  const s = q.data;
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(lang) : '—');
  return (
    <Card title={t.market.sellerProfile} style={{ marginBottom: 16 }} data-testid="product-seller">
      {q.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'name',
              label: t.market.seller,
              children: (
                <Space>
                  <ShopOutlined />
                  <Typography.Text strong data-testid="seller-name">
                    {(lang === 'en-US' && s?.nameEn) || s?.name || orgName || orgId}
                  </Typography.Text>
                </Space>
              ),
            },
            ...(s
              ? [
                  {
                    key: 'uscc',
                    label: t.market.uscc,
                    children: <Typography.Text copyable>{s.uscc}</Typography.Text>,
                  },
                  { key: 'region', label: t.market.region, children: s.region ?? '—' },
                  { key: 'since', label: t.market.memberSince, children: date(s.memberSince) },
                  { key: 'first', label: t.market.firstListed, children: date(s.firstListedAt) },
                  { key: 'listed', label: t.market.listedNow, children: s.listed },
                  {
                    key: 'boards',
                    label: t.market.sellerBoards,
                    children: s.boards.length
                      ? s.boards.map((b) => (
                          <Tag key={b.code}>
                            {b.name} {b.count}
                          </Tag>
                        ))
                      : '—',
                  },
                  {
                    key: 'certs',
                    label: t.market.sellerCerts,
                    children: (
                      <Space>
                        <SafetyCertificateOutlined />
                        {s.certificateNos.length}
                      </Space>
                    ),
                  },
                  { key: 'keys', label: t.market.signingKeys, children: s.signingKeys },
                ]
              : [{ key: 'region', label: t.market.region, children: divisionName(region, lang) }]),
          ]}
        />
      )}
      <Link to={`/market?org=${orgId}`}>{t.market.sellerProducts}</Link>
    </Card>
  );
}
