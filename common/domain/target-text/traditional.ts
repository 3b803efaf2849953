/*
 * Traditional → simplified for the characters that matter in government reports and news releases read off
 * converted web pages (a built-in table, not a full converter: characters outside it are left as they are).
 * Pairs are written traditional-then-simplified, one pair per two characters.
 */
const PAIRS =
  '億亿萬万項项開开產产業业區区長长實实現现總总資资額额標标達达設设計计劃划個个們们這这來来時时後后' +
  '對对會会經经濟济發发動动國国內内場场為为與与於于從从們们進进過过還还機机關关門门問问間间體体' +
  '點点義义務务員员團团單单報报導导傳传統统環环境境續续優优質质營营銷销費费購购貨货價价幣币貿贸' +
  '稅税財财預预準准規规劃划構构建建築筑農农業业鄉乡鎮镇縣县市市區区縣县級级務务歲岁職职聯联網网' +
  '電电話话視视頻频廣广東东觀观點点軍军戰战勝胜爭争確确實实強强調调運运輸输鐵铁軌轨車车輛辆橋桥' +
  '漲涨幅幅減减災灾護护險险檢检驗验醫医療疗衛卫藥药養养殘残災灾廠厂礦矿煉炼鋼钢紡纺織织' +
  '線线纜缆蘭兰熱热氣气燈灯歷历史史學学校校兒儿園园師师範范書书圖图館馆藝艺術术劇剧樂乐' +
  '試试驗验圓圆滿满勢势態态緊紧鬆松擴扩張张順顺穩稳轉转變变離离運运陸陆氫氢儲储負负擔担' +
  '廢废舊旧綠绿碳碳莊庄鄰邻裡里裏里樓楼屬属權权認认證证讓让議议論论講讲記记訂订約约簽签' +
  '億亿兩两幾几萬万千千餘余約约減减增增據据處处這这邊边邁迈飛飞魚鱼鳥鸟龍龙豐丰糧粮' +
  '齊齐濟济魯鲁遼辽寧宁蘇苏魯鲁滬沪閩闽陝陕貴贵雲云藏藏甯宁臺台灣湾澳澳門门漢汉蘭兰滸浒' +
  '產产値值值值貸贷幣币銀银証证債债務务險险損损虧亏勞劳動动職职訓训補补貼贴資资' +
  '戶户號号應应當当該该樣样麼么將将專专業业製制處处憑凭擁拥擬拟攜携損损搶抢撐撑' +
  '區区劃划壩坝場场壞坏墾垦壓压壯壮夠够夢梦獎奖婦妇嬰婴孫孙寬宽寶宝將将尋寻層层屆届' +
  '幫帮帶带廳厅廟庙彈弹復复徵征憲宪懷怀戲戏據据擇择擋挡攝摄敗败敵敌數数斷断時时曬晒' +
  '東东條条棄弃楊杨樞枢樣样橫横檔档歡欢歸归殺杀氣气決决沒没況况淨净淺浅滅灭湯汤溝沟' +
  '準准滯滞漁渔潔洁澤泽濕湿燒烧燦灿爐炉爭争犧牺狀状獨独獲获猶犹瑪玛環环畫画異异療疗' +
  '發发盡尽監监盤盘礎础確确禮礼禍祸種种稱称積积穀谷窮穷競竞筆笔節节範范築筑簡简糧粮' +
  '紀纪約约紅红級级納纳紐纽純纯紗纱組组細细終终結结絡络給给統统絲丝經经綜综緣缘線线' +
  '編编練练縣县縮缩總总繁繁繼继續续纖纤罰罚羅罗習习聖圣聞闻聲声聽听腦脑興兴舉举舊旧' +
  '艱艰蘭兰處处虛虚號号蠶蚕術术衛卫裝装補补製制複复親亲觀观規规視视覺觉覽览訊讯託托' +
  '記记訪访設设許许診诊評评詞词試试詳详誠诚話话該该認认誤误說说誰谁課课調调談谈請请' +
  '諸诸謀谋講讲謝谢證证識识譜谱護护讀读變变讓让貝贝負负貢贡財财責责貧贫貨货販贩貫贯' +
  '費费貼贴貿贸資资賓宾賞赏賠赔賣卖質质賴赖購购賽赛贈赠贊赞趕赶趨趋跡迹踐践車车軍军' +
  '軟软載载輕轻輔辅輪轮輸输轄辖辦办農农這这連连週周進进運运過过達达違违遠远適适遲迟' +
  '選选遺遗邊边鄉乡鄭郑鄰邻醫医採采釋释鈕钮銅铜錢钱鋼钢錄录鍵键鎮镇鏈链鐘钟鑒鉴長长' +
  '門门閉闭開开閒闲間间閱阅闆板闖闯關关陣阵陰阴陳陈陸陆隊队階阶際际雙双雜杂難难雲云' +
  '電电霧雾靈灵韓韩頁页頂顶項项順顺預预領领頭头題题額额顏颜願愿類类顧顾顯显風风飯饭' +
  '飲饮館馆馬马駐驻驗验體体髮发鬥斗魚鱼鳳凤鳴鸣麥麦黃黄點点齒齿龍龙龜龟';

const TABLE: ReadonlyMap<string, string> = (() => {
  const table = new Map<string, string>();
  const characters = Array.from(PAIRS);
  for (let i = 0; i + 1 < characters.length; i += 2) {
    const from = characters[i] as string;
    const to = characters[i + 1] as string;
    if (from !== to) table.set(from, to);
  }
  return table;
})();

/** The text with every traditional character of the table replaced by its simplified form. */
const TRADITIONAL = new RegExp(`[${[...TABLE.keys()].join('')}]`, 'gu');

export function toSimplified(text: string): string {
  return text.replace(TRADITIONAL, (character) => TABLE.get(character) ?? character);
}
