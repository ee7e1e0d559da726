/**
 * Labelled petitions for the repeat detector: each matter is written three times the way
 * different petitioners, clerks and hotline operators actually word the same complaint; matters
 * of one category share a district, so negatives are the hard kind (same topic, different matter).
 */
export interface FixtureMatter {
  key: string;
  category: string;
  texts: [string, string, string];
}

export const FIXTURE_MATTERS: FixtureMatter[] = [
  // URBAN.DRAINAGE, 天河区
  {
    key: 'drain-wushan-gate',
    category: 'URBAN.DRAINAGE',
    texts: [
      '五山路华工小区正门口一下雨就积水，水深没过脚踝，居民出行困难，请疏通排水管道。',
      '华工小区大门前的路面每逢下雨严重积水，老人小孩出入很不方便，希望疏通下水道。',
      '再次反映五山华工小区门口下雨水浸的问题，排水管堵塞一直没人疏通。',
    ],
  },
  {
    key: 'drain-cencun-manhole',
    category: 'URBAN.DRAINAGE',
    texts: [
      '员村二横路的污水井盖破损下陷，汽车经过时哐当作响，夜里行人容易踩空。',
      '员村二横路上有一个窨井盖塌陷松动，车辆压过噪音很大，存在行人跌落隐患。',
      '员村二横路井盖损坏已经一个月，晚上行人差点掉下去，请尽快更换井盖。',
    ],
  },
  {
    key: 'drain-chebei-sewage',
    category: 'URBAN.DRAINAGE',
    texts: [
      '车陂村农贸市场后面污水管道堵塞，生活污水漫到街面，臭味熏天。',
      '车陂农贸市场背后的排污管堵了，脏水溢出流到马路上，气味非常难闻。',
      '车陂市场后街污水外溢臭气熏人，排污管道堵塞多日无人清理。',
    ],
  },
  {
    key: 'drain-shahe-underpass',
    category: 'URBAN.DRAINAGE',
    texts: [
      '沙河立交桥下的隧道暴雨时水泵不工作，积水一米多深，有车辆被困。',
      '暴雨天沙河立交下穿隧道抽水泵失灵，隧道里积水很深，车被淹熄火。',
      '沙河立交桥底隧道一下大雨就水浸，抽水设备坏了，请检修水泵。',
    ],
  },
  {
    key: 'drain-tianhe-canal',
    category: 'URBAN.DRAINAGE',
    texts: [
      '天河北排洪渠长期未清淤，渠底淤泥堆积，雨季河水倒灌进周边小区。',
      '天河北那条排洪沟淤积严重，一下暴雨就倒灌，周边几个小区地下车库进水。',
      '请清理天河北排洪渠的淤泥，渠道淤塞导致雨水倒灌小区车库。',
    ],
  },
  // LABOR.WAGES, 天河区
  {
    key: 'wage-construction-site',
    category: 'LABOR.WAGES',
    texts: [
      '我们在天河智慧城某工地做钢筋工，包工头拖欠三个月工资共四万多元不给。',
      '智慧城工地的包工头欠我们钢筋班组三个月工钱，四万多块至今没有发放。',
      '再次反映天河智慧城工地包工头拖欠钢筋工工资四万余元的问题，一直拿不到钱。',
    ],
  },
  {
    key: 'wage-restaurant',
    category: 'LABOR.WAGES',
    texts: [
      '岗顶一家湘菜馆突然关门，老板失联，欠十几名服务员两个月工资。',
      '岗顶湘菜馆老板跑路，餐馆停业，拖欠服务员和厨师两个月薪水。',
      '岗顶那家湘菜餐厅倒闭后老板联系不上，我们十几个员工两个月工资没发。',
    ],
  },
  {
    key: 'wage-cleaning-company',
    category: 'LABOR.WAGES',
    texts: [
      '某保洁公司外包到写字楼的清洁工，加班费和高温补贴一直没有发放。',
      '我们是写字楼的外包保洁员，保洁公司不发加班工资，高温津贴也没有给。',
      '保洁公司克扣清洁工的加班费，夏天的高温补贴一分钱都没发。',
    ],
  },
  {
    key: 'wage-factory-severance',
    category: 'LABOR.WAGES',
    texts: [
      '电子厂搬迁后解除劳动合同，不按工龄支付经济补偿金，员工不服。',
      '电子厂迁走辞退我们，没有按工作年限给经济补偿，要求依法补偿。',
      '工厂搬迁裁员只给一个月工资，不按工龄计算补偿金，请劳动部门介入。',
    ],
  },
  {
    key: 'wage-delivery-platform',
    category: 'LABOR.WAGES',
    texts: [
      '外卖站点以罚款为由扣了骑手上个月的配送提成，站长拒绝解释。',
      '外卖配送站长乱罚款，把我们骑手上月的跑单提成全扣光了。',
      '外卖站点克扣骑手配送费提成，借口罚款，要求退还被扣的钱。',
    ],
  },
  // ENV.NOISE, 海珠区
  {
    key: 'noise-night-construction',
    category: 'ENV.NOISE',
    texts: [
      '赤岗路地铁施工工地每晚十二点后还在打桩，噪音吵得居民无法入睡。',
      '赤岗地铁站工地深夜打桩施工，半夜噪声很大，严重影响休息。',
      '赤岗路地铁工地夜间违规施工，凌晨还在打桩，附近居民整夜睡不着。',
    ],
  },
  {
    key: 'noise-square-dance',
    category: 'ENV.NOISE',
    texts: [
      '新港公园广场舞音响开得太大，每天晚上八点到十点噪音扰民。',
      '新港公园跳广场舞的大妈音箱声音特别响，晚上吵得孩子没法写作业。',
      '新港公园晚上广场舞音乐音量过大，希望管一管，控制音响音量。',
    ],
  },
  {
    key: 'noise-bar-street',
    category: 'ENV.NOISE',
    texts: [
      '江南西酒吧街的酒吧凌晨两三点还在放重低音音乐，楼上住户无法休息。',
      '江南西那几家酒吧深夜音乐震耳，低音炮声音传到楼上，天天失眠。',
      '江南西酒吧街夜间经营噪声扰民，凌晨音乐声依然很大。',
    ],
  },
  {
    key: 'noise-aircon-unit',
    category: 'ENV.NOISE',
    texts: [
      '隔壁商场的中央空调外机对着我家窗户，日夜轰鸣，噪音很大。',
      '商场楼顶空调冷却塔正对住宅窗口，二十四小时嗡嗡响，吵得睡不着。',
      '商场空调外机噪音持续扰民，外机就装在我们住宅楼旁边。',
    ],
  },
  {
    key: 'noise-wedding-fireworks',
    category: 'ENV.NOISE',
    texts: [
      '村里祠堂办酒席经常半夜燃放鞭炮，声音巨大还有火灾隐患。',
      '祠堂摆酒时深夜放鞭炮烟花，又吵又危险，老人被吓到。',
      '村祠堂办喜事凌晨燃放炮竹，噪声扰民，希望禁止深夜放鞭炮。',
    ],
  },
  // HOUSING.PROPERTY, 越秀区
  {
    key: 'property-elevator',
    category: 'HOUSING.PROPERTY',
    texts: [
      '洪桥街某小区电梯三天两头停运，物业不维修，老人被困在电梯里。',
      '我们小区电梯经常故障停梯，物业公司拖着不修，已经发生困人事件。',
      '洪桥小区电梯老化频繁坏掉，有住户被关在电梯里，物业不管。',
    ],
  },
  {
    key: 'property-fee-hike',
    category: 'HOUSING.PROPERTY',
    texts: [
      '物业公司未经业主大会同意擅自把物业费从每平方两元涨到三元。',
      '物业擅自上调管理费，每平米涨了一块钱，没有召开业主大会表决。',
      '小区物业单方面提高物业管理费标准，业主没有投票同意，要求撤销涨价。',
    ],
  },
  {
    key: 'property-parking',
    category: 'HOUSING.PROPERTY',
    texts: [
      '物业把小区公共绿地改成停车位出租收费，收益去向不公开。',
      '小区绿化带被物业改造成车位对外出租，停车费收入没有向业主公示。',
      '物业占用公共绿地建停车场收费，业主共有部分的收益不透明。',
    ],
  },
  {
    key: 'property-water-leak',
    category: 'HOUSING.PROPERTY',
    texts: [
      '楼顶防水层破损，雨天顶楼住户家中漏水，申请动用维修基金物业不办。',
      '顶楼天面渗漏，下雨家里天花板滴水，物业拒绝申请专项维修资金。',
      '我家在顶层，屋面漏水严重，物业一直不给申请维修基金修防水。',
    ],
  },
  {
    key: 'property-garbage-room',
    category: 'HOUSING.PROPERTY',
    texts: [
      '物业把垃圾房设在我家楼下单元门口，夏天臭气和蚊蝇很多。',
      '小区垃圾收集点就放在我们单元门口，天热时又臭又招苍蝇。',
      '物业在住宅单元入口旁设垃圾站，异味严重，要求迁走垃圾房。',
    ],
  },
  // TRANSPORT.ROADS, 荔湾区
  {
    key: 'road-pothole',
    category: 'TRANSPORT.ROADS',
    texts: [
      '荔湾路与龙津路交界处路面坑洼，电动车经过容易摔倒。',
      '龙津路口那段荔湾路路面破损坑坑洼洼，已有骑车人摔伤。',
      '荔湾路龙津路交叉口坑洞很多，骑电瓶车的经常摔跤，请修补路面。',
    ],
  },
  {
    key: 'road-traffic-light',
    category: 'TRANSPORT.ROADS',
    texts: [
      '芳村大道学校门口没有红绿灯，学生过马路非常危险。',
      '芳村大道小学门前缺少信号灯和斑马线，孩子上下学横穿马路很危险。',
      '建议在芳村大道学校路口设置红绿灯，保障学生过街安全。',
    ],
  },
  {
    key: 'road-bus-stop',
    category: 'TRANSPORT.ROADS',
    texts: [
      '中山八路公交站被撤销后，附近老人要走一公里去坐车，请恢复站点。',
      '中山八路那个公交车站取消了，老年人乘车要走很远，希望恢复设站。',
      '公交站点调整撤掉了中山八路站，周边居民出行不便，要求重新设站。',
    ],
  },
  {
    key: 'road-illegal-parking',
    category: 'TRANSPORT.ROADS',
    texts: [
      '多宝路两侧长期乱停车，占用消防通道，救护车都开不进来。',
      '多宝路上车辆随意停放，把消防车道堵死了，急救车进不来。',
      '多宝路违章停车严重，消防通道被占，请交警加强整治。',
    ],
  },
  {
    key: 'road-streetlight',
    category: 'TRANSPORT.ROADS',
    texts: [
      '黄沙大道沿江段路灯坏了半个月，晚上一片漆黑，行人不安全。',
      '黄沙大道江边那段路灯不亮已有两周，夜间走路看不清。',
      '黄沙大道沿江路段路灯损坏，晚上黑漆漆的，请尽快修复照明。',
    ],
  },
  // COMMUNITY.NEIGHBOR_DISPUTE, 海珠区
  {
    key: 'neighbor-dog',
    category: 'COMMUNITY.NEIGHBOR_DISPUTE',
    texts: [
      '邻居养的大型犬不拴绳在楼道乱跑，已经咬伤一名小孩。',
      '楼上邻居遛狗不牵绳，大狗在楼梯间追人，把小朋友咬了。',
      '邻居家的大狗不拴狗绳，在单元楼里到处跑，有孩子被咬伤。',
    ],
  },
  {
    key: 'neighbor-water-leak',
    category: 'COMMUNITY.NEIGHBOR_DISPUTE',
    texts: [
      '楼上住户卫生间渗水到我家天花板，协商多次拒绝维修。',
      '楼上厕所漏水渗到我家，天花板发霉掉皮，楼上不肯修。',
      '我家天花板被楼上卫生间漏水泡坏，找楼上邻居几次都不处理。',
    ],
  },
  {
    key: 'neighbor-corridor',
    category: 'COMMUNITY.NEIGHBOR_DISPUTE',
    texts: [
      '对门邻居在公共楼道堆放杂物和鞋柜，堵住了消防通道。',
      '对面住户把鞋柜和纸箱堆在楼道里，影响通行也有火灾隐患。',
      '邻居长期占用公共走廊堆杂物放鞋柜，劝说无效，请社区协调清理。',
    ],
  },
  {
    key: 'neighbor-renovation',
    category: 'COMMUNITY.NEIGHBOR_DISPUTE',
    texts: [
      '楼下业主装修拆除承重墙，我家墙体出现裂缝，担心房屋安全。',
      '楼下装修砸了承重墙，导致我家墙面开裂，请鉴定房屋安全。',
      '下面一层装修违规拆承重墙，我家出现裂缝，要求停工检查。',
    ],
  },
  {
    key: 'neighbor-smoke',
    category: 'COMMUNITY.NEIGHBOR_DISPUTE',
    texts: [
      '楼下饭馆的油烟管道直通我家窗口，油烟熏得没法开窗。',
      '一楼餐馆排烟口对着我家窗户，天天油烟呛人，窗户都不敢开。',
      '楼下小饭店油烟直排到住户窗前，呛得喘不过气，请协调整改排烟管。',
    ],
  },
];

/** One labelled pair: two texts and whether they are the same matter. */
export interface LabelledPair {
  a: string;
  b: string;
  category: string;
  same: boolean;
}

/**
 * Every reworded pair within a matter (positives) and, for every two matters of one category,
 * three cross pairs (negatives): 90 + 180 = 270 pairs.
 */
export function labelledPairs(): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  for (const m of FIXTURE_MATTERS) {
    for (const [i, j] of [
      [0, 1],
      [1, 2],
      [0, 2],
    ])
      pairs.push({ a: m.texts[i], b: m.texts[j], category: m.category, same: true });
  }
  for (let x = 0; x < FIXTURE_MATTERS.length; x++) {
    for (let y = x + 1; y < FIXTURE_MATTERS.length; y++) {
      const [m, n] = [FIXTURE_MATTERS[x], FIXTURE_MATTERS[y]];
      if (m.category !== n.category) continue;
      for (const [i, j] of [
        [0, 1],
        [1, 2],
        [2, 0],
      ])
        pairs.push({ a: m.texts[i], b: n.texts[j], category: m.category, same: false });
    }
  }
  return pairs;
}
