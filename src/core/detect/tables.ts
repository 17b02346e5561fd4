/**
 * Small lookup tables for the detector's light normalisation. Detection runs
 * on every sample the background is sent, so these stay a few hundred
 * characters; the full repair stages carry the real tables.
 */

/**
 * The ~220 Traditional characters that most often differ from Simplified in
 * government reports (by frequency in the clean report corpus, converted with
 * OpenCC cn→tw), plus the 爲/裏 variants. TRAD[i] folds to SIMP[i].
 * 著 is left out on purpose: it is also a common Simplified character (显著).
 * tests/unit/detect-tables.test.ts checks every pair against opencc-js.
 */
export const TRAD =
  '業發國進實產設動強體經務會區資濟農開創長堅質現點為項機個續穩優對規萬場學費級關構標領結億調護環態統總擴決積醫戰與極時範們鄉電險轉應際運內協營數義準導風財辦監眾礎臺題權黨術貿鎮綜達問劃試兩於過計來繼預嚴勢爭興綠網養專軍減價聯稅員縣職難節線確習條貫類籌別幹廣帶斷備補變療間種驗徹園組氣團層維顯從這處遊糧貧東緊汙揮復鏈觀單衛災議債讓認舉勵藥並後戶審適邊門圍傳裝雙奮責車給裡歷執頭參隊鞏華蓋鐵較識屆額記織還當視競須貨貸約負據績連鬥佔兒鍵報勞壯獲書爲裏';
export const SIMP =
  '业发国进实产设动强体经务会区资济农开创长坚质现点为项机个续稳优对规万场学费级关构标领结亿调护环态统总扩决积医战与极时范们乡电险转应际运内协营数义准导风财办监众础台题权党术贸镇综达问划试两于过计来继预严势争兴绿网养专军减价联税员县职难节线确习条贯类筹别干广带断备补变疗间种验彻园组气团层维显从这处游粮贫东紧污挥复链观单卫灾议债让认举励药并后户审适边门围传装双奋责车给里历执头参队巩华盖铁较识届额记织还当视竞须货贷约负据绩连斗占儿键报劳壮获书为里';

/**
 * Key report words (the title and marker words, then the commonest figure
 * and policy words, so the density signals still work) as they look after UTF-8 bytes were decoded as GBK. A word
 * inside a run of Han characters starts either on a GBK pair boundary or one
 * byte into it, so each word has two forms: [word, aligned, shifted]. Each
 * form is the longest run that decodes without U+FFFD. Generated with
 * TextDecoder('gbk'); the test regenerates and compares.
 * Longer words come first so they are replaced before their parts.
 */
export const MOJIBAKE_FORMS: readonly (readonly [string, string, string])[] = [
  ['政府工作报告', '鏀垮簻宸ヤ綔鎶ュ憡', '斂搴滃伐浣滄姤鍛'],
  ['人民代表大会', '浜烘皯浠ｈ〃澶т細', '汉姘戜唬琛ㄥぇ浼'],
  ['主要预期目标', '棰勬湡鐩', '鏈熺洰鏍'],
  ['各位代表', '鍚勪綅浠ｈ〃', '悇浣嶄唬琛'],
  ['工作报告', '宸ヤ綔鎶ュ憡', '伐浣滄姤鍛'],
  ['工作回顾', '宸ヤ綔鍥為【', '伐浣滃洖椤'],
  ['高质量发展', '楂樿川閲忓彂灞', '珮璐ㄩ噺鍙戝睍'],
  ['十四五', '鍗佸洓浜', '崄鍥涗簲'],
  ['百分点', '鐧惧垎鐐', '櫨鍒嗙偣'],
  ['亿元', '浜垮厓', '嚎鍏'],
  ['增长', '澧為暱', '闀'],
  ['发展', '鍙戝睍', '彂灞'],
  ['推进', '鎺ㄨ繘', '帹杩'],
  ['推动', '鎺ㄥ姩', '帹鍔'],
  ['实施', '瀹炴柦', '疄鏂'],
  ['加快', '鍔犲揩', '姞蹇'],
  ['加强', '鍔犲己', '姞寮'],
  ['深化', '娣卞寲', '繁鍖'],
  ['提升', '鎻愬崌', '彁鍗'],
  ['建设', '寤鸿', '缓璁'],
  ['坚持', '鍧氭寔', '潥鎸'],
  ['全面', '鍏ㄩ潰', '叏闈'],
  ['万元', '涓囧厓', '竾鍏'],
  ['同比', '鍚屾瘮', '悓姣'],
  ['力争', '鍔涗簤', '姏浜'],
];

/**
 * Characters that make up ~17% of report text decoded as GBK and never occur
 * in clean report text (銆 and 锛 come from the ideographic full stop and
 * fullwidth comma). Their density tells mojibake from real Chinese.
 */
export const MOJIBAKE_ALPHABET = '銆涓紝锛鍔傚屽浜鍏鏀佸鍒鍙瀹拰澶缁殑鏈灞鐨鏂杩屾';

/**
 * Signature substitutions of 伪原创 spinners on report vocabulary, folded
 * back so the keyword signals still fire: [spun, original]. Only forms that
 * are rare in clean text, or harmless to fold for scoring purposes.
 */
export const SPINNER_FORMS: readonly (readonly [string, string])[] = [
  ['工做', '工作'],
  ['删加', '增长'],
  ['删长', '增长'],
  ['量质', '质量'],
  ['展开', '发展'],
  ['真现', '实现'],
  ['落真', '落实'],
  ['效劳', '服务'],
  ['大寡', '群众'],
  ['片面', '全面'],
  ['翻新', '创新'],
  ['名目', '项目'],
];
