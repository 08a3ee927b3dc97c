/** Suggestions for the region field: Shandong's 16 prefecture-level cities. Any other region may be typed. */
export const SHANDONG_CITIES = [
  '济南市',
  '青岛市',
  '淄博市',
  '枣庄市',
  '东营市',
  '烟台市',
  '潍坊市',
  '济宁市',
  '泰安市',
  '威海市',
  '日照市',
  '临沂市',
  '德州市',
  '聊城市',
  '滨州市',
  '菏泽市',
].map((c) => `山东省${c}`);
