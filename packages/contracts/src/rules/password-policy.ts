/**
 * Passwords people pick first, and the words they decorate with digits and symbols: an attacker's first
 * guesses (from the public breach-frequency lists and the common Chinese pinyin choices). Compared lowercased,
 * and again with leading/trailing digits and symbols stripped, so "Password2026!" counts as "password".
 */
const COMMON =
  `123456 123456789 12345678 1234567890 1234567 12345 password password1 passw0rd p@ssw0rd p@ssword
qwerty qwertyuiop qwerty123 qwe123 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qaz2wsx3edc zaq12wsx asdfgh asdfghjkl
zxcvbnm abc123 abcd1234 a1b2c3d4 aa123456 a123456 a12345678 abc123456 admin admin123 administrator root
toor welcome welcome1 letmein iloveyou monkey dragon master sunshine princess football baseball shadow
superman batman trustno1 whatever freedom starwars hello hello123 login guest test test123 testtest
changeme default secret secret123 111111 000000 666666 888888 123123 123321 654321 112233 121212 520520
5201314 1314520 woaini woaini1314 woaini520 iloveyouforever nihao wangyi huawei xiaomi baidu tencent qq123456
taobao alipay zhongguo china beijing shanghai shandong jinan qingdao shuju shujuyaosu
mima mima123 wodemima aini1314 caonima aaaaaa abcdef abcdefg abcdefgh 11111111 88888888 12341234 147258369
159753 159357 147258 987654321 0123456789 q1w2e3r4 q1w2e3r4t5 qazwsx qazwsxedc asd123 zxc123 qweasd
qweasdzxc 1a2b3c4d company company123 system system123 operator regulator merchant buyer provider
user user123 demo demo123 sample example temp temp123 pass pass123 password123 password12 admin888 admin@123`
    .split(/\s+/)
    .filter(Boolean);
const COMMON_SET = new Set(COMMON);

/** The word behind a decorated password: lowercased, leading/trailing digits and symbols removed. */
const core = (p: string) => p.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');

/** 等保 2.0 (GB/T 22239-2019 §8.1.4.1 a): 口令具有复杂度要求 — a common or decorated-common password is refused. */
export const isCommonPassword = (password: string): boolean => {
  const lower = password.toLowerCase();
  const c = core(password);
  return COMMON_SET.has(lower) || (c.length > 0 && COMMON_SET.has(c));
};

/** A password that contains the account's own username is one guess away from it. */
export const passwordContainsUsername = (password: string, username: string): boolean =>
  username.length >= 3 && password.toLowerCase().includes(username.trim().toLowerCase());

/** Why a password is refused for this username (null when it is acceptable). */
export function passwordProblem(password: string, username?: string): 'common' | 'containsUsername' | null {
  if (isCommonPassword(password)) return 'common';
  if (username && passwordContainsUsername(password, username)) return 'containsUsername';
  return null;
}
