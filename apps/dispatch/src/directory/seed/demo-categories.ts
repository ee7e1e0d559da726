/** A category of the demo taxonomy. */
export interface DemoCategory {
  code: string;
  name: string;
  parent: string | null;
}

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

/** The demo taxonomy: 21 groups, 60 categories. */
export const DEMO_CATEGORIES: DemoCategory[] = TREE.flatMap(([code, name, children]) => [
  { code, name, parent: null },
  ...children.map(([c, n]) => ({ code: `${code}.${c}`, name: n, parent: code })),
]);
