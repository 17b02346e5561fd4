/**
 * A province's or city's own edition of a national campaign (平安山东, 法治安徽, 数字福建, 美丽厦门, 健康湖北),
 * read and explained by rule instead of one entry per place: the explanation names the national campaign
 * it carries out. Entries of the glossary win where they cover the same words.
 */
import type { Term } from './types';

/** Campaign word → the national campaign, its English name. */
const CAMPAIGNS: Record<string, [national: string, en: string]> = {
  平安: ['平安中国', 'Peaceful'],
  法治: ['法治中国', 'Law-based'],
  数字: ['数字中国', 'Digital'],
  美丽: ['美丽中国', 'Beautiful'],
  健康: ['健康中国', 'Healthy'],
};

/** Provincial-level divisions (short names, as these campaign names use them) and larger cities, with English names. */
const PLACES: Record<string, string> = {
  北京: 'Beijing', 天津: 'Tianjin', 河北: 'Hebei', 山西: 'Shanxi', 内蒙古: 'Inner Mongolia', 辽宁: 'Liaoning', 吉林: 'Jilin',
  黑龙江: 'Heilongjiang', 上海: 'Shanghai', 江苏: 'Jiangsu', 浙江: 'Zhejiang', 安徽: 'Anhui', 福建: 'Fujian', 江西: 'Jiangxi',
  山东: 'Shandong', 河南: 'Henan', 湖北: 'Hubei', 湖南: 'Hunan', 广东: 'Guangdong', 广西: 'Guangxi', 海南: 'Hainan',
  重庆: 'Chongqing', 四川: 'Sichuan', 贵州: 'Guizhou', 云南: 'Yunnan', 西藏: 'Xizang', 陕西: 'Shaanxi', 甘肃: 'Gansu',
  青海: 'Qinghai', 宁夏: 'Ningxia', 新疆: 'Xinjiang', 香港: 'Hong Kong', 澳门: 'Macao',
  石家庄: 'Shijiazhuang', 太原: 'Taiyuan', 呼和浩特: 'Hohhot', 沈阳: 'Shenyang', 大连: 'Dalian', 长春: 'Changchun',
  哈尔滨: 'Harbin', 南京: 'Nanjing', 苏州: 'Suzhou', 杭州: 'Hangzhou', 宁波: 'Ningbo', 合肥: 'Hefei', 福州: 'Fuzhou',
  厦门: 'Xiamen', 泉州: 'Quanzhou', 南昌: 'Nanchang', 济南: 'Jinan', 青岛: 'Qingdao', 郑州: 'Zhengzhou', 武汉: 'Wuhan',
  长沙: 'Changsha', 广州: 'Guangzhou', 深圳: 'Shenzhen', 南宁: 'Nanning', 海口: 'Haikou', 成都: 'Chengdu', 贵阳: 'Guiyang',
  昆明: 'Kunming', 拉萨: 'Lhasa', 西安: "Xi'an", 兰州: 'Lanzhou', 西宁: 'Xining', 银川: 'Yinchuan', 乌鲁木齐: 'Urumqi',
};

// Longest place first, so 内蒙古 is not read as a shorter name; the name must end the phrase or be followed by 建设 or a list mark.
const RE = new RegExp(
  `(${Object.keys(CAMPAIGNS).join('|')})(${Object.keys(PLACES).sort((a, b) => b.length - a.length).join('|')})(?=建设|、|，|。|；|和|与|及|”|」|\\s|$)`,
  'g',
);

/** Regional editions of national campaigns in `text`, explained; sorted by start. */
export function findRegionalCampaigns(text: string): Term[] {
  const out: Term[] = [];
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m; m = RE.exec(text)) {
    const [national, en] = CAMPAIGNS[m[1]];
    const name = m[0];
    out.push({
      start: m.index,
      end: m.index + name.length,
      text: name,
      key: name,
      definition: `${m[2]}以“${name}”为名开展的建设，对应全国的“${national}”建设。`,
      source: 'builtin',
      en: `${en} ${PLACES[m[2]]} initiative`,
      gloss: `${PLACES[m[2]]}'s campaign under this name, its counterpart of the national ${en} China initiative (${national}).`,
      category: 'programme',
    });
  }
  return out;
}
