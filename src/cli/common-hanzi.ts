/**
 * Characters that make up most of any Chinese prose, used to judge which
 * legacy encoding a file was written in: the right decoding is full of them,
 * a wrong one yields kana, box drawing and rare characters instead.
 *
 * Derived once from the clean report corpus (the 500 most frequent Han
 * characters, covering ~88% of its Han text) plus their Traditional forms
 * (OpenCC cn→tw) so Big5 text scores as well as GB text. It is a fixed list on
 * purpose: the CLI does not read the corpus at run time.
 */
export const COMMON_SIMPLIFIED = '业和的发展化国建新加大进全实力政产设中推人工动民一高生增制强持重体保经务会改提区要作地行能资等年济成合农施社有开平基入理市治深创好家长企革城坚质面现主用度量以在点为育定服快法项水机不出个支上公代续性稳技科升优是对文系造效各安完策规方万善投村本场域我金学共更目心事五融教省品同费管放源府级步关程构标三分部就收多领结活防促外亿调型到护环态统总元群向通扩决境消位整利特落期障自积医战与极色时范们乡健取居电口十险转应际运内立协商营数做海得信义准导下流集风局财办了监式打众解础引小台题精物权党术央贸镇综达路问率明划试任两批于老格第突过计交培来略二控值继预四严件势供低模争西表智兴绿比均网养专前军求及房减价联税把形道员益族研县职着先果难接节易需次线近确依习条贯类筹正固院措别抓干广配带清超断排意备破补降变住困疗间速才食江神核南种验彻旅园组气可示团指算美层维港山字显校界助置从今所碳这康处游督世首之粮贫东北切空紧污挥复链案观查单林攻卫思灾河议拓债努让必子最土认惠素举天励序互相药并功委后布户想移审其适使边门围列传牢振聚原常装双奋责车充给里染少起命都历退左执右头千普扶参队良身巩真扎华具盖铁覆然较识存届额受记织还史去';

export const COMMON_TRADITIONAL_EXTRA = '業發國進實產設動強體經務會區資濟農開創長堅質現點為項機個續穩優對規萬場學費級關構標領結億調護環態統總擴決積醫戰與極時範們鄉電險轉應際運內協營數義準導風財辦監眾礎臺題權黨術貿鎮綜達問劃試兩於過計來繼預嚴勢爭興綠網養專軍減價聯稅員縣職著難節線確習條貫類籌別幹廣帶斷備補變療間種驗徹園組氣團層維顯從這處遊糧貧東緊汙揮復鏈觀單衛災議債讓認舉勵藥並後戶審適邊門圍傳裝雙奮責車給裡歷執頭參隊鞏華蓋鐵較識屆額記織還';

export const COMMON_HANZI: ReadonlySet<string> = new Set([...COMMON_SIMPLIFIED, ...COMMON_TRADITIONAL_EXTRA]);
