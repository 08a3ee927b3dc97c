import { orgCodeCheckChar, usccCheckChar, validateIdCard } from '@shuliu/contracts';
import { luhnValid } from './protect.rules.js';

/** Synthetic personal data for tests, demos and benchmarks: valid check digits unless asked otherwise. */
export class SyntheticPeople {
  private state: number;

  constructor(seed = 1) {
    this.state = seed >>> 0;
  }

  /** mulberry32: a small, fast, seedable PRNG (not for secrets). */
  random(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }

  /** GB 11643: a valid ID number (the check character found by asking the validator), or one with a wrong check. */
  idCard(valid = true): string {
    const birth = new Date(Date.UTC(1950 + this.int(55), this.int(12), 1 + this.int(28)));
    const body = this.pick(AREAS) + birth.toISOString().slice(0, 10).replaceAll('-', '') + this.digits(3);
    const good = [...'0123456789X'].find((c) => validateIdCard(body + c))!;
    return body + (valid ? good : '0123456789X'.replace(good, '')[this.int(10)]);
  }

  /** GB 32100: a valid USCC, or one whose last character is wrong. */
  uscc(valid = true): string {
    const org = Array.from({ length: 8 }, () => this.pick([...'0123456789ABCDEFGHJKLMNPQRTUWXY'])).join('');
    const first17 = `91${this.pick(AREAS)}${org}${orgCodeCheckChar(org)}`;
    const check = usccCheckChar(first17);
    return first17 + (valid ? check : check === '0' ? '1' : '0');
  }

  /** ISO/IEC 7812: a 16-digit UnionPay-style card number with a valid (or wrong) Luhn digit. */
  bankCard(valid = true): string {
    const body = `62${this.digits(13)}`;
    const good = [...'0123456789'].find((c) => luhnValid(body + c))!;
    return body + (valid ? good : String((Number(good) + 1 + this.int(9)) % 10));
  }

  mobile = () => `1${this.pick([...'3456789'])}${this.digits(9)}`;
  name = () => this.pick(SURNAMES) + this.pick(GIVEN) + (this.random() < 0.6 ? this.pick(GIVEN) : '');
  email = () =>
    `${this.pick(['li', 'wang', 'zhang', 'liu', 'chen'])}${this.digits(4)}@${this.pick(['example.com', 'qq.com', '163.com'])}`;
  address = () =>
    `${this.pick(['山东省济南市历下区', '山东省青岛市市南区', '北京市海淀区', '江苏省南京市鼓楼区'])}${this.pick(['解放路', '中山路', '人民大道', '香港中路'])}${1 + this.int(300)}号${1 + this.int(20)}栋${101 + this.int(20)}室`;
  plate = () =>
    `${this.pick([...'鲁京苏沪'])}${this.pick([...'ABCDEFGH'])}${this.digits(4)}${this.pick([...'0123456789ABC'])}`;
  ip = () => `${10 + this.int(200)}.${this.int(256)}.${this.int(256)}.${1 + this.int(254)}`;
}

const AREAS = ['370202', '370102', '110108', '320106', '440305', '510104'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华'];
