/**
 * The city's administrative divisions and petition categories: intake's local copy.
 *
 * Why a seeded copy rather than following dispatch's `directory.v1`: registration must validate a
 * region or category synchronously, from the first second after boot and while dispatch is down,
 * and these lists change rarely and by decision (a new migration), not at runtime. `directory.v1`
 * carries units only today; a region/category event there could later replace this seed. The
 * codes and names are the same as dispatch's demo city (demo-regions.ts, demo-categories.ts), so
 * routing and intake agree.
 */

const DISTRICTS: Array<[code: string, name: string, streets: string]> = [
  ['440103', '荔湾区', '沙面 岭南 华林 多宝 昌华 逢源 龙津 金花 彩虹 南源 西村 站前 桥中 白鹤洞 冲口 花地 石围塘 茶滘 东漖 海龙 东沙 中南'],
  ['440104', '越秀区', '洪桥 北京 六榕 流花 光塔 人民 东山 农林 梅花村 黄花岗 华乐 建设 大塘 珠光 大东 白云 登峰 矿泉'],
  ['440105', '海珠区', '赤岗 新港 昌岗 江南中 滨江 素社 海幢 南华西 龙凤 沙园 南石头 凤阳 瑞宝 江海 琶洲 南洲 华洲 官洲'],
  ['440106', '天河区', '五山 员村 车陂 沙河 石牌 沙东 天河南 林和 兴华 棠下 天园 冼村 猎德 元岗 黄村 龙洞 长兴 凤凰 前进 珠吉 新塘'],
  [
    '440111',
    '白云区',
    '三元里 松洲 景泰 同德 黄石 棠景 新市 同和 京溪 永平 嘉禾 均禾 石井 金沙 云城 鹤龙 白云湖 石门 龙归 大源 太和镇 人和镇 钟落潭镇 江高镇',
  ],
  ['440112', '黄埔区', '黄埔 红山 鱼珠 大沙 文冲 穗东 南岗 长洲 夏港 萝岗 联和 永和 云埔 长岭 龙湖 新龙镇'],
  ['440113', '番禺区', '市桥 沙头 东环 桥南 小谷围 大石 洛浦 石壁 钟村 大龙 南村镇 新造镇 化龙镇 石楼镇 石碁镇 沙湾镇'],
  ['440114', '花都区', '新华 新雅 秀全 花城 花东镇 花山镇 炭步镇 赤坭镇 狮岭镇 梯面镇'],
  ['440115', '南沙区', '南沙 珠江 龙穴 万顷沙镇 横沥镇 黄阁镇 东涌镇 大岗镇 榄核镇'],
  ['440117', '从化区', '街口 城郊 江埔 温泉镇 良口镇 吕田镇 太平镇 鳌头镇'],
  ['440118', '增城区', '荔城 增江 朱村 永宁 荔湖 宁西 新塘镇 石滩镇 中新镇 正果镇 派潭镇 小楼镇 仙村镇'],
];

/** A few communities (社区), so routing's community → street fallback has real data. */
const COMMUNITIES: Array<[code: string, name: string]> = [
  ['440106001001', '华工社区'],
  ['440106001002', '华农社区'],
  ['440106001003', '五山社区'],
  ['440105001001', '赤岗社区'],
  ['440105001002', '珠江帝景社区'],
];

/** Divisions: the city, its districts, their streets and towns, and sample communities. */
export const REGION_SEED: ReadonlyArray<{ code: string; name: string; parent: string | null }> = [
  { code: '440100', name: '广州市', parent: null },
  ...DISTRICTS.map(([code, name]) => ({ code, name, parent: '440100' })),
  ...DISTRICTS.flatMap(([district, , streets]) =>
    streets
      .split(' ')
      .map((s, i) => ({ code: `${district}${String(i + 1).padStart(3, '0')}`, name: s.endsWith('镇') ? s : `${s}街道`, parent: district })),
  ),
  ...COMMUNITIES.map(([code, name]) => ({ code, name, parent: code.slice(0, 9) })),
];

const TREE: Array<[code: string, name: string, children: Array<[string, string]>]> = [
  [
    'URBAN',
    '城乡建设',
    [
      ['DRAINAGE', '城市排水'],
      ['SANITATION', '环境卫生'],
      ['ILLEGAL_BUILDING', '违法建设'],
      ['MUNICIPAL', '市政设施'],
      ['GREENING', '园林绿化'],
    ],
  ],
  [
    'LABOR',
    '劳动和社会保障',
    [
      ['WAGES', '拖欠工资'],
      ['SOCIAL_SECURITY', '社会保险'],
      ['CONTRACT', '劳动合同'],
      ['EMPLOYMENT', '就业创业'],
    ],
  ],
  [
    'HOUSING',
    '住房',
    [
      ['PROPERTY', '物业管理'],
      ['EXPROPRIATION', '房屋征收补偿'],
      ['SECURITY', '住房保障'],
      ['QUALITY', '房屋质量'],
      ['PROVIDENT_FUND', '住房公积金'],
    ],
  ],
  [
    'LAND',
    '国土资源',
    [
      ['USE', '土地使用'],
      ['PLANNING', '规划管理'],
    ],
  ],
  [
    'TRANSPORT',
    '交通运输',
    [
      ['ROADS', '道路交通'],
      ['PUBLIC', '公共交通'],
      ['TAXI', '出租汽车'],
      ['METRO', '地铁运营'],
    ],
  ],
  [
    'POLICE',
    '公安',
    [
      ['ORDER', '社会治安'],
      ['TRAFFIC', '交通管理'],
      ['HOUSEHOLD', '户籍管理'],
    ],
  ],
  [
    'ENV',
    '生态环境',
    [
      ['NOISE', '噪声污染'],
      ['AIR', '大气污染'],
      ['WATER', '水污染'],
    ],
  ],
  [
    'EDU',
    '教育',
    [
      ['SCHOOL', '学校管理'],
      ['ENROLLMENT', '招生入学'],
      ['TRAINING', '校外培训'],
    ],
  ],
  [
    'HEALTH',
    '卫生健康',
    [
      ['MEDICAL', '医疗服务'],
      ['INSURANCE', '医疗保障'],
      ['EPIDEMIC', '疾病防控'],
    ],
  ],
  [
    'MARKET',
    '市场监管',
    [
      ['FOOD', '食品安全'],
      ['CONSUMER', '消费维权'],
      ['DRUG', '药品安全'],
      ['LICENSE', '登记注册'],
    ],
  ],
  [
    'CIVIL',
    '民政',
    [
      ['AID', '社会救助'],
      ['ELDERLY', '养老服务'],
      ['MARRIAGE', '婚姻登记'],
    ],
  ],
  [
    'RURAL',
    '农业农村',
    [
      ['COLLECTIVE', '农村集体经济'],
      ['LAND_CONTRACT', '土地承包'],
    ],
  ],
  [
    'UTILITIES',
    '公用事业',
    [
      ['WATER', '供水'],
      ['POWER', '供电'],
      ['GAS', '燃气'],
    ],
  ],
  [
    'FINANCE',
    '金融',
    [
      ['ILLEGAL_FUNDRAISING', '非法集资'],
      ['LENDING', '网络借贷'],
    ],
  ],
  [
    'SAFETY',
    '安全生产',
    [
      ['WORKPLACE', '生产安全'],
      ['FIRE', '消防安全'],
    ],
  ],
  [
    'CULTURE',
    '文化旅游',
    [
      ['TOURISM', '旅游市场'],
      ['CULTURE', '文化市场'],
    ],
  ],
  ['VETERANS', '退役军人', [['BENEFITS', '优抚安置']]],
  [
    'GOV',
    '政务服务',
    [
      ['SERVICE', '政务服务'],
      ['EFFICIENCY', '机关作风效能'],
    ],
  ],
  ['DISCIPLINE', '纪检监察', [['OFFICIALS', '干部作风']]],
  [
    'LAW',
    '政法',
    [
      ['LITIGATION', '涉法涉诉'],
      ['ENFORCEMENT', '执行难'],
      ['PROCURATORIAL', '检察监督'],
      ['LEGAL_AID', '法律援助'],
    ],
  ],
  [
    'COMMUNITY',
    '基层治理',
    [
      ['NEIGHBOR_DISPUTE', '邻里纠纷'],
      ['OWNERS_COMMITTEE', '业主委员会'],
    ],
  ],
];

/** The coded category taxonomy (two levels). */
export const CATEGORY_SEED: ReadonlyArray<{ code: string; name: string; parent: string | null }> = TREE.flatMap(
  ([code, name, children]) => [
    { code, name, parent: null },
    ...children.map(([c, n]) => ({ code: `${code}.${c}`, name: n, parent: code })),
  ],
);

/** Category whose matters must go to the 政法 organs, never into ordinary dispatch (条例 Art. 22 ¶2). */
export const LITIGATION_CATEGORY = 'LAW.LITIGATION';
