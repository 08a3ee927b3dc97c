// The table both quality benchmarks score: 12 columns of customer records with known defects.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { idCardCheckChar } from '@shuliu/contracts';

const CITIES = ['济南市', '青岛市', '淄博市', '枣庄市', '东营市', '烟台市', '潍坊市', '济宁市'];
const STATUS = ['正常', '注销', '冻结'];

/** 12 columns; about 1 % of the ID cards carry a wrong check character and 0.5 % of the mobiles are cut. */
export async function writeQualityCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(
    '客户编号,姓名,身份证号,统一社会信用代码,手机号,邮箱,城市,状态,授信额度,开户日期,到期日期,更新时间\n',
  );
  for (let i = 0; i < rows; i++) {
    const first17 = `370102${1960 + (i % 40)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
    const check = idCardCheckChar(first17);
    const id = first17 + (i % 100 === 7 ? (check === '0' ? '1' : '0') : check);
    const mobile =
      i % 200 === 3
        ? `1380013${i % 1000}`
        : `13${String(800000000 + ((i * 7919) % 199999999)).padStart(9, '0')}`;
    const day = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    await write(
      `C${String(i).padStart(8, '0')},客户${i % 9973},${id},91370100MA3C${String(i % 1000000).padStart(6, '0')},${mobile},` +
        `u${i}@example.cn,${CITIES[i % 8]},${STATUS[i % 3]},${(1000 + (i % 997) * 13.5).toFixed(2)},2020-01-01,${day},${day}\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}
