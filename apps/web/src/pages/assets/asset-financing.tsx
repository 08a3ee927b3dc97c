import { ContributionBody, DateOnly, type AssetDetail, type Valuation } from '@shuliu/contracts';
import { Alert, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatYuan, yuanToFen } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { zodRule } from '../../lib/zod-form';
import { useAssetChange } from './asset-queries';
import { RecordsTab } from './records-tab';

/** The certificates the asset stands on, with the pledge state the registry holds (never a flag of our own). */
export function CertificatesTab({ asset }: { asset: AssetDetail }) {
  const x = useT().assets;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={x.pledgeHelp} />
      <Table
        rowKey="certNo"
        size="small"
        dataSource={asset.certificates}
        pagination={false}
        locale={{ emptyText: x.empty }}
        columns={[
          {
            title: x.certificates,
            dataIndex: 'certNo',
            render: (no: string) => <Link to={`/verify/${encodeURIComponent(no)}`}>{no}</Link>,
          },
          { title: x.resources, dataIndex: 'objectTitle' },
          { title: x.status, dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          {
            title: x.pledge,
            dataIndex: 'pledged',
            render: (p: boolean) => (
              <StatusTag status={p ? 'pledged' : 'valid'} label={p ? x.pledged : x.notPledged} />
            ),
          },
          { title: x.pledgee, dataIndex: 'pledgeeOrgName' },
          { title: x.pledgedAt, dataIndex: 'pledgedAt', render: (v: string | null) => formatTime(v) },
        ]}
      />
      {asset.resources.length > 0 && (
        <Table
          rowKey="id"
          size="small"
          dataSource={asset.resources}
          pagination={false}
          columns={[
            {
              title: x.resources,
              dataIndex: 'title',
              render: (v: string | null, r) => <Link to={`/catalog/resources/${r.id}`}>{v ?? r.id}</Link>,
            },
          ]}
        />
      )}
    </Space>
  );
}

/** The asset's valuations: method, valuer, value, and whether the valuer has signed. */
export function ValuationsTab({ asset }: { asset: AssetDetail }) {
  const x = useT().assets;
  return (
    <Table<Valuation>
      rowKey="id"
      size="small"
      dataSource={asset.valuations}
      pagination={false}
      locale={{ emptyText: x.empty }}
      columns={[
        {
          title: x.methodTitle,
          dataIndex: 'method',
          render: (m: string, r) => <Link to={`/assets/valuations/${r.id}`}>{x.valuationMethods[m]}</Link>,
        },
        { title: x.valuer, dataIndex: 'valuerOrgName' },
        { title: x.valuationDate, dataIndex: 'valuationDate' },
        { title: x.value, dataIndex: 'valueFen', align: 'right', render: (v: number) => formatYuan(v) },
        {
          title: x.status,
          dataIndex: 'status',
          render: (s: string) => (
            <StatusTag status={s === 'signed' ? 'valid' : 'pending'} label={x.valuationStatus[s]} />
          ),
        },
      ]}
    />
  );
}

interface ContributionValues {
  investeeName: string;
  investeeUscc: string;
  sharePercent: number;
  yuan: number;
  contributedOn: string;
  valuationId: string;
}

/** 出资入股: the records, and a new one on a signed valuation of this asset. */
export function ContributionsTab({ asset, editable }: { asset: AssetDetail; editable: boolean }) {
  const t = useT();
  const x = t.assets;
  const [form] = Form.useForm<ContributionValues>();
  const add = useAssetChange(
    asset.id,
    async (v: ContributionValues) => {
      const { yuan, ...rest } = v;
      await sdk.assets.contribute({
        params: { id: asset.id },
        body: { ...rest, amountFen: yuanToFen(yuan) },
      });
      return sdk.assets.get({ params: { id: asset.id } });
    },
    () => form.resetFields(),
  );
  const signed = asset.valuations.filter((v) => v.status === 'signed');
  return (
    <RecordsTab
      add={
        editable
          ? {
              form,
              mutation: add,
              label: x.addContribution,
              fields: (
                <>
                  <Form.Item
                    name="investeeName"
                    rules={[{ required: true }, zodRule(ContributionBody.shape.investeeName, t)]}
                  >
                    <Input placeholder={x.investeeName} maxLength={200} />
                  </Form.Item>
                  <Form.Item
                    name="investeeUscc"
                    rules={[{ required: true }, zodRule(ContributionBody.shape.investeeUscc, t)]}
                  >
                    <Input placeholder={x.investeeUscc} maxLength={18} />
                  </Form.Item>
                  <Form.Item name="sharePercent" rules={[{ required: true }]}>
                    <InputNumber
                      min={0.01}
                      max={100}
                      step={0.01}
                      placeholder={x.sharePercent}
                      style={{ width: 130 }}
                    />
                  </Form.Item>
                  <Form.Item name="yuan" rules={[{ required: true }]}>
                    <InputNumber min={0.01} placeholder={x.amount} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name="contributedOn" rules={[{ required: true }, zodRule(DateOnly, t)]}>
                    <Input placeholder={`${x.contributedOn} 2026-07-15`} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name="valuationId" rules={[{ required: true }]} extra={x.onlySigned}>
                    <Select
                      style={{ width: 240 }}
                      placeholder={x.valuationUsed}
                      options={signed.map((v) => ({
                        value: v.id,
                        label: `${x.valuationMethods[v.method]} ${formatYuan(v.valueFen)} (${v.valuationDate})`,
                      }))}
                    />
                  </Form.Item>
                </>
              ),
            }
          : null
      }
      rows={asset.contributions}
      empty={x.empty}
      columns={[
        { title: x.investeeName, dataIndex: 'investeeName' },
        { title: x.investeeUscc, dataIndex: 'investeeUscc' },
        { title: x.sharePercent, dataIndex: 'sharePercent', render: (v: number) => `${v.toFixed(2)}%` },
        { title: x.amount, dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
        { title: x.contributedOn, dataIndex: 'contributedOn' },
        {
          title: x.valuationUsed,
          dataIndex: 'valuationId',
          render: (id: string) => <Link to={`/assets/valuations/${id}`}>{id}</Link>,
        },
      ]}
    />
  );
}
