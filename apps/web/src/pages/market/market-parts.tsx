import {
  divisionCodeProblem,
  type DeliveryMode,
  type PolicyLabels,
  type PriceModel,
  type Product,
} from '@shuliu/contracts';
import { Space, Tag, Typography } from 'antd';
import { StatusTag } from '../../components/StatusTag';
import { useI18n, useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { formatYuan } from '../../lib/format';

/** 挂牌 states with the portal's one colour per meaning (StatusTag) and the market's own words. */
export function ProductStatusTag({ status }: { status: Product['status'] }) {
  const t = useT();
  return <StatusTag status={status} label={t.market.productStatus[status]} />;
}

const DELIVERY_COLOR: Record<DeliveryMode, string> = {
  file: 'blue',
  api: 'geekblue',
  compute: 'purple',
  report: 'cyan',
};

export function DeliveryTags({ modes }: { modes: readonly DeliveryMode[] }) {
  const t = useT();
  return (
    <Space size={[0, 4]} wrap>
      {modes.map((m) => (
        <Tag key={m} color={DELIVERY_COLOR[m]} data-delivery={m}>
          {t.market.deliveryMode[m] ?? m}
        </Tag>
      ))}
    </Space>
  );
}

export function BoardTags({ boards }: { boards: Product['boards'] }) {
  const { lang } = useI18n();
  return (
    <Space size={[0, 4]} wrap>
      {boards.map((b) => (
        <Tag key={b.code} color="gold" data-board={b.code}>
          {lang === 'en-US' && b.nameEn ? b.nameEn : b.name}
        </Tag>
      ))}
    </Space>
  );
}

/** A price model in words, amounts formatted from integer fen: `¥500.00 / 次`, `¥1,200.00 / 每年`. */
export function priceWords(t: Messages, pm: PriceModel | null): string {
  if (!pm) return t.market.noPrice;
  const m = t.market;
  switch (pm.kind) {
    case 'fixed':
      return formatYuan(pm.amountFen);
    case 'per_call':
      return m.perCall(formatYuan(pm.unitFen));
    case 'subscription':
      return m.perPeriod(formatYuan(pm.amountFen), m.period[pm.period]!);
    case 'tiered': {
      const lowest = Math.min(...pm.tiers.map((x) => x.unitFen));
      return m.fromPrice(`${formatYuan(lowest)} / ${pm.unit}`);
    }
    case 'government_guided':
      return pm.basis === 'fixed'
        ? formatYuan(pm.amountFen)
        : m.perPeriod(formatYuan(pm.amountFen), m.basis[pm.basis]!);
  }
}

/** The price with its model's name, and for tiers every tier, and for a guided price the authority's cap. */
export function PriceBlock({ pm }: { pm: PriceModel | null }) {
  const t = useT();
  if (!pm) return <Typography.Text type="secondary">{t.market.noPrice}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      <Space wrap>
        <Tag color="orange">{t.market.priceKind[pm.kind]}</Tag>
        <Typography.Text strong data-testid="product-price">
          {priceWords(t, pm)}
        </Typography.Text>
      </Space>
      {pm.kind === 'tiered' &&
        pm.tiers.map((tier, i) => {
          const from = i === 0 ? 1 : (pm.tiers[i - 1]!.upTo ?? 0) + 1;
          return (
            <Typography.Text key={i} type="secondary">
              {t.market.tierLine(from, tier.upTo, pm.unit, formatYuan(tier.unitFen))}
            </Typography.Text>
          );
        })}
      {pm.kind === 'government_guided' && (
        <Typography.Text type="secondary" data-testid="price-cap">
          {t.market.capFen}：{pm.capFen === null ? t.market.noCap : formatYuan(pm.capFen)}
        </Typography.Text>
      )}
    </Space>
  );
}

/** GB/T 2260 names of Shandong's province and cities: the regions the portal names; other codes show as codes. */
export const DIVISIONS: Record<string, [string, string]> = {
  '370000': ['山东省', 'Shandong'],
  '370100': ['济南市', 'Jinan'],
  '370200': ['青岛市', 'Qingdao'],
  '370300': ['淄博市', 'Zibo'],
  '370400': ['枣庄市', 'Zaozhuang'],
  '370500': ['东营市', 'Dongying'],
  '370600': ['烟台市', 'Yantai'],
  '370700': ['潍坊市', 'Weifang'],
  '370800': ['济宁市', 'Jining'],
  '370900': ['泰安市', "Tai'an"],
  '371000': ['威海市', 'Weihai'],
  '371100': ['日照市', 'Rizhao'],
  '371300': ['临沂市', 'Linyi'],
  '371400': ['德州市', 'Dezhou'],
  '371500': ['聊城市', 'Liaocheng'],
  '371600': ['滨州市', 'Binzhou'],
  '371700': ['菏泽市', 'Heze'],
};

export function divisionName(code: string, lang: 'zh-CN' | 'en-US'): string {
  const n = DIVISIONS[code];
  return n ? `${n[lang === 'zh-CN' ? 0 : 1]} (${code})` : code;
}

export const divisionOptions = (lang: 'zh-CN' | 'en-US') =>
  Object.keys(DIVISIONS).map((code) => ({ value: code, label: divisionName(code, lang) }));

/** Why a typed region is not a GB/T 2260 code, or null. */
export const divisionProblem = (code: string) => divisionCodeProblem(code.trim());

/** The names describePolicy and evaluate use for purposes and regions, in the portal's language. */
export function usePolicyLabels(): PolicyLabels {
  const t = useT();
  return (kind, code, locale) => {
    if (kind === 'purpose') return t.market.purposeSuggest[code];
    if (kind === 'spatial') return DIVISIONS[code]?.[locale === 'zh-CN' ? 0 : 1];
    return undefined;
  };
}
