import type { ValuationFigures } from '@shuliu/contracts';
import { Descriptions, Statistic, Table } from 'antd';
import { useT } from '../../i18n/I18nProvider';
import { formatYuan } from '../../lib/format';

const coef = (v: number) => v.toFixed(6);

/** Every intermediate figure of a valuation, as the wizard computes it and the signed report carries it. */
export function ValuationFiguresView({ figures }: { figures: ValuationFigures }) {
  const x = useT().assets;
  const value = <Statistic title={x.value} value={formatYuan(figures.valueFen)} />;
  if (figures.method === 'cost')
    return (
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={x.replacementCost}>
          {formatYuan(figures.replacementCostFen)}
        </Descriptions.Item>
        <Descriptions.Item label={x.factor}>{coef(figures.factor)}</Descriptions.Item>
        <Descriptions.Item label={`${x.value} = ${x.replacementCost} × ${x.factor}`}>
          {value}
        </Descriptions.Item>
      </Descriptions>
    );
  if (figures.method === 'income')
    return (
      <>
        <Table
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={figures.years}
          columns={[
            { title: x.yearT, dataIndex: 'year' },
            { title: x.income, dataIndex: 'incomeFen', align: 'right', render: (v: number) => formatYuan(v) },
            { title: x.discountFactor, dataIndex: 'discountFactor', align: 'right', render: coef },
            {
              title: x.presentValue,
              dataIndex: 'presentValueFen',
              align: 'right',
              render: (v: number) => formatYuan(v),
            },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          {x.incomeKinds[figures.incomeKind]} · P = Σ Fₜ/(1+i)ᵗ {value}
        </div>
      </>
    );
  return (
    <>
      <Table
        rowKey={(r) => r.label}
        size="small"
        pagination={false}
        dataSource={figures.comparables}
        columns={[
          { title: x.label, dataIndex: 'label' },
          {
            title: x.comparableValue,
            dataIndex: 'valueFen',
            align: 'right',
            render: (v: number) => formatYuan(v),
          },
          { title: x.product, dataIndex: 'product', align: 'right', render: coef },
          {
            title: x.adjusted,
            dataIndex: 'adjustedFen',
            align: 'right',
            render: (v: number) => formatYuan(v),
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        {x.mean} {value}
      </div>
    </>
  );
}
