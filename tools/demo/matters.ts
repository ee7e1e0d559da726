/**
 * What the demo city's petitioners write about: matter templates with their category (from
 * intake's reference seed), where they happen, the unit that handles them when a dispatcher has to
 * assign them by hand, and what the unit finds and answers. Placeholders in braces are filled by
 * the planner: {street} 街道名, {estate} 小区, {road} 道路, {company} 企业, {n} 数字, {amount} 金额,
 * {months} 月数.
 */

/** How the unit answers, per outcome of the decision letter. */
export interface MatterReplies {
  /** 查明事实. */
  facts: string;
  /** 处理意见 when the claim is supported (予以支持). */
  support: string;
  /** 处理意见 when the unit explains (解释说明). */
  explain: string;
  /** 处理意见 when the claim is not supported (不予支持). */
  notSupport: string;
  /** 法律政策依据. */
  basis: string;
}

/** A kind of matter a petitioner raises. */
export interface MatterTemplate {
  key: string;
  categoryCode: string;
  /** District codes where it happens (any of the common ones when absent). */
  districts?: string[];
  /** Relative frequency among ordinary matters. */
  weight: number;
  titles: string[];
  content: string;
  /** What the handler asks about at the first contact. */
  topic: string;
  /**
   * The unit a dispatcher assigns it to when it waits in the manual queue (an emergency, a
   * collective petition, a category without a routing rule): a unit code, or the territorial
   * government of the petition's street or district.
   */
  lead: string | 'street' | 'district';
  track: 'standard' | 'fast' | 'suggestion';
  nature?: 'claim' | 'suggestion';
  replies: MatterReplies;
  /** A co-handler's part, when routing names co-handlers. */
  contribution?: string;
}

/** Districts most matters come from, with their weights (the inner districts are busier). */
export const DISTRICT_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['440106', 6], // 天河区
  ['440104', 4], // 越秀区
  ['440105', 4], // 海珠区
  ['440111', 4], // 白云区
  ['440103', 3], // 荔湾区
  ['440113', 3], // 番禺区
  ['440112', 2], // 黄埔区
  ['440114', 1], // 花都区
  ['440115', 1], // 南沙区
  ['440118', 1], // 增城区
];

export const ESTATES = [
  '华景新城',
  '翠湖苑',
  '金沙花园',
  '南国花园',
  '龙口西小区',
  '锦绣香江',
  '丽江花园',
  '荔港南湾',
  '保利花园',
  '碧桂园凤凰城',
  '富力桃园',
  '骏景花园',
  '江南新苑',
  '西关名筑',
  '景泰小区',
  '珠江帝景',
  '星河湾',
  '中海康城',
];

export const ROADS = [
  '东圃二马路',
  '宝岗大道',
  '江燕路',
  '芳村大道',
  '新港西路',
  '车陂北街',
  '石牌东路',
  '员村二横路',
  '天河北路',
  '环市东路',
  '昌岗中路',
  '工业大道',
  '同和路',
  '广园中路',
  '市桥大北路',
  '黄埔东路',
  '增城大道',
  '新市墟路',
];

export const COMPANIES = [
  '广州鸿达建筑劳务有限公司',
  '广州恒顺装饰工程有限公司',
  '广州味香园餐饮管理有限公司',
  '广州盛世物业服务有限公司',
  '广州力行健身服务有限公司',
  '广州宏图物流有限公司',
  '广州新景园林绿化有限公司',
  '广州锦程电子科技有限公司',
];

const DRAINAGE_CONTRIBUTION =
  '经核查，该路段排水管网由我局负责养护，已安排排水公司于本周内清淤疏通，并将加装雨水篦子，结果已反馈主办单位。';

/** Ordinary matters: routed by the city's rules straight to the competent unit. */
export const MATTERS: MatterTemplate[] = [
  {
    key: 'drainage-tianhe',
    categoryCode: 'URBAN.DRAINAGE',
    districts: ['440106'],
    weight: 7,
    titles: ['{estate}门口道路雨后积水严重', '{road}路段每逢下雨积水过膝', '{street}{estate}周边排水不畅'],
    content:
      '我住在{street}{estate}，小区门口{road}路段排水不畅，每逢下雨积水严重，最深处没过膝盖，电动车和行人无法通行，老人小孩出行非常危险。已持续{months}个月，多次向物业和社区反映未果，请求相关部门尽快疏通排水管道。',
    topic: '积水具体位置、持续时间和对出行的影响',
    lead: 'district',
    track: 'standard',
    contribution: DRAINAGE_CONTRIBUTION,
    replies: {
      facts: '经现场勘查，{road}该路段雨水口被淤泥和落叶堵塞，排水管道局部沉降，导致降雨时排水不畅、路面积水。',
      support: '已协调排水公司完成管道清淤疏通，新增雨水篦子两处，并将该路段纳入汛期重点巡查范围。',
      explain: '该路段位于地势低洼处，已完成清淤疏通；彻底解决需实施管网改造，已纳入明年排水设施改造计划，汛期将安排移动泵车应急排水。',
      notSupport: '经核查，积水系小区内部排水设施堵塞所致，属小区业主共有设施，应由业主委托物业服务企业负责维修，已告知物业限期整改。',
      basis: '《城镇排水与污水处理条例》第二十条、第三十八条',
    },
  },
  {
    key: 'drainage-sewage',
    categoryCode: 'URBAN.DRAINAGE',
    weight: 4,
    titles: ['{road}下水道堵塞污水外溢', '{estate}附近污水井冒水臭味扰民'],
    content:
      '{street}{road}一带的污水井经常冒水，污水流到人行道上，臭味很大，夏天蚊虫滋生，附近商铺和居民苦不堪言。已经反映过多次，每次只是临时清掏，过几天又冒水，请求彻底解决。',
    topic: '污水外溢的具体井位和频次',
    lead: 'GZ-SWJ',
    track: 'standard',
    replies: {
      facts: '经排查，{road}段污水管道存在错接混接和管径偏小问题，雨污混流导致检查井满溢。',
      support: '已完成该段管道清疏和错接点改造，并更换检查井盖，后续由养护单位每周巡查一次。',
      explain: '已对该段管道进行全面清疏；管径扩容工程需结合道路改造实施，已列入年度计划，期间加密清掏频次。',
      notSupport: '经核查，冒水系周边餐饮商户违规排放油污所致，已移交城管部门依法查处，排水设施本身运行正常。',
      basis: '《城镇排水与污水处理条例》第二十一条；《广州市排水管理办法》',
    },
  },
  {
    key: 'illegal-rooftop',
    categoryCode: 'URBAN.ILLEGAL_BUILDING',
    weight: 5,
    titles: ['{estate}顶楼住户违法加建', '举报{estate}楼顶搭建铁皮房'],
    content:
      '{street}{estate}某栋顶楼住户近期在楼顶天台私自搭建铁皮房约{n}平方米，施工期间噪音大，搭建后影响楼体安全和其他住户使用天台消防通道。已向物业反映，物业表示无权制止，请求城管部门依法查处并拆除。',
    topic: '违建位置、面积和施工时间',
    lead: 'GZ-CGJ',
    track: 'standard',
    replies: {
      facts: '经执法人员现场核查，该栋楼顶确有未经规划许可搭建的铁皮房一处，面积约{n}平方米，占用天台公共部位。',
      support: '已依法下达限期拆除决定书，当事人已于限期内自行拆除，执法人员复查确认天台恢复原状。',
      explain: '已立案调查并下达责令限期改正通知书，当事人申请行政复议，待复议结果作出后依法处理，期间将持续跟进。',
      notSupport: '经核查，该构筑物系经规划部门批准的电梯机房及设备用房，不属于违法建设。',
      basis: '《中华人民共和国城乡规划法》第六十四条、第六十八条',
    },
  },
  {
    key: 'illegal-yard',
    categoryCode: 'URBAN.ILLEGAL_BUILDING',
    weight: 3,
    titles: ['{estate}一楼住户私自扩建院子', '{road}沿街商铺违建雨棚占用人行道'],
    content:
      '{street}{estate}一楼住户私自拆除围墙向外扩建院子，占用小区公共绿地约{n}平方米，还砌了砖墙，影响其他业主通行。业主们多次劝阻无效，请求依法处理。',
    topic: '扩建范围和占用的公共区域',
    lead: 'GZ-CGJ',
    track: 'standard',
    replies: {
      facts: '经现场测量，该住户在原有花园外侧扩建围墙，占用公共绿地约{n}平方米，未取得任何审批手续。',
      support: '已责令当事人限期恢复原状，当事人已拆除扩建部分，社区已组织补种绿化。',
      explain: '已向当事人送达责令改正通知书，当事人承诺于一个月内自行恢复，执法中队将跟踪复查。',
      notSupport: '经查阅小区规划总平面图，该区域属该户专有使用的花园范围，不属于公共绿地。',
      basis: '《广州市违法建设查处条例》第十二条',
    },
  },
  {
    key: 'garbage',
    categoryCode: 'URBAN.SANITATION',
    weight: 4,
    titles: ['{estate}垃圾清运不及时', '{road}垃圾收集点臭气熏天'],
    content:
      '{street}{road}的垃圾收集点垃圾经常堆放两三天才清运，垃圾桶满溢，污水横流，气味难闻，附近居民窗户都不敢开。请求增加清运频次并加强管理。',
    topic: '垃圾收集点位置和清运时间',
    lead: 'GZ-CGJ',
    track: 'fast',
    replies: {
      facts: '经查，该收集点服务户数增加后，原定每日一次的清运频次不能满足需要，导致垃圾滞留。',
      support: '已将清运频次调整为每日早晚两次，并对收集点进行冲洗消杀，增设垃圾桶四个。',
      explain: '已增加清运频次；收集点迁址需征求周边居民意见，街道将组织协商后再定。',
      notSupport: '经连续一周跟踪检查，该收集点均按规定时间清运，堆放系个别商户非规定时间投放所致，已加强宣传督导。',
      basis: '《广州市生活垃圾分类管理条例》第三十二条',
    },
  },
  {
    key: 'streetlight',
    categoryCode: 'URBAN.MUNICIPAL',
    weight: 3,
    titles: ['{road}路灯损坏多日未修', '{road}人行道地砖松动多人绊倒'],
    content:
      '{street}{road}有一段路的路灯已经坏了{n}天，晚上一片漆黑，附近还有学校，学生晚自习放学很不安全。人行道地砖也有多处松动翘起，已有老人绊倒。请求尽快维修。',
    topic: '损坏路灯和地砖的具体位置',
    lead: 'GZ-CGJ',
    track: 'fast',
    replies: {
      facts: '经巡查，该路段有路灯{n}盏因电缆老化损坏，人行道地砖松动约二十平方米。',
      support: '已更换损坏电缆并修复全部路灯，松动地砖已重新铺设，该路段纳入每周巡查。',
      explain: '路灯已全部修复；人行道整体翻新需结合道路改造进行，期间已对松动地砖进行临时加固。',
      notSupport: '经核查，该路段路灯属小区自建设施，不在市政管养范围，已告知物业服务企业负责维修。',
      basis: '《城市道路管理条例》第二十一条',
    },
  },
  {
    key: 'night-market',
    categoryCode: 'URBAN.SANITATION',
    weight: 2,
    titles: ['{road}夜市占道经营油烟垃圾扰民'],
    content:
      '每天晚上十点以后{street}{road}就有大量流动摊贩占道经营烧烤，油烟、噪音一直持续到凌晨两三点，第二天早上满地垃圾。居民无法正常休息，请求加强管理。',
    topic: '占道经营的时段和范围',
    lead: 'GZ-CGJ',
    track: 'fast',
    replies: {
      facts: '经夜间巡查，该路段确有流动摊贩占道经营烧烤，高峰时段约十余档。',
      support: '已组织夜间专项整治，劝离流动摊贩，并在该路段设置夜间固定执法岗，后续每晚巡查。',
      explain: '已开展专项整治；街道正规划设置规范经营的夜市疏导点，届时统一管理。',
      notSupport: '经核查，该路段为区政府批准设置的临时夜市疏导点，经营时段为晚上七点至十二点，已责令超时经营的摊档整改。',
      basis: '《广州市市容环境卫生管理规定》第二十五条',
    },
  },
  {
    key: 'wages-site',
    categoryCode: 'LABOR.WAGES',
    weight: 6,
    titles: ['{company}拖欠农民工工资', '工地拖欠{n}名工人工资{amount}元'],
    content:
      '我们{n}名工人在{street}某在建工地为{company}做泥水工，从今年开始干了{months}个月，老板一直以工程款未到位为由拖欠工资共计{amount}元。多次找项目部讨要，对方一拖再拖，请求劳动监察部门帮助追讨。',
    topic: '用工单位、欠薪人数、金额和工作时间',
    lead: 'GZ-RSJ',
    track: 'fast',
    replies: {
      facts: '经劳动保障监察大队调查，{company}确存在拖欠{n}名工人工资的情况，欠薪金额与投诉基本一致。',
      support: '已责令该公司限期支付，并启用工程款工资保证金垫付，拖欠工资已全部发放到工人账户。',
      explain: '已责令该公司限期支付，对方已支付大部分工资，剩余部分涉及工程量争议，已引导双方通过劳动争议仲裁解决。',
      notSupport: '经查，投诉人与{company}之间属工程分包承揽关系而非劳动关系，不属于劳动保障监察范围，已告知通过民事诉讼途径解决。',
      basis: '《保障农民工工资支付条例》第三十条、第五十四条',
    },
  },
  {
    key: 'wages-restaurant',
    categoryCode: 'LABOR.WAGES',
    weight: 3,
    titles: ['{company}关店拖欠员工工资', '餐厅突然停业员工工资无着落'],
    content:
      '我在{street}{road}的{company}门店做服务员，{months}个月前餐厅突然停业，老板失联，拖欠我和同事工资共{amount}元，押金也没退。请求帮助追讨工资。',
    topic: '门店地址、老板联系方式和欠薪金额',
    lead: 'GZ-RSJ',
    track: 'fast',
    replies: {
      facts: '经调查，{company}该门店已停止经营，法定代表人经约谈后到场，承认拖欠员工工资。',
      support: '经监察部门督促，该公司已一次性结清拖欠工资并退还押金。',
      explain: '已对该公司立案调查并下达限期支付令，因其名下财产不足，已协助员工申请劳动仲裁并提供法律援助。',
      notSupport: '经核实，投诉人所称工资已于停业前结清，有银行转账记录和签收凭证为证。',
      basis: '《劳动保障监察条例》第二十六条',
    },
  },
  {
    key: 'social-security',
    categoryCode: 'LABOR.SOCIAL_SECURITY',
    weight: 3,
    titles: ['{company}未为员工缴纳社保', '单位少缴社保基数'],
    content:
      '我在{company}工作了{n}年，最近查询社保记录发现公司有{months}个月没有为我缴纳社会保险，而且一直按最低基数缴纳，与实际工资不符。请求责令公司补缴。',
    topic: '工作年限、欠缴月份和工资情况',
    lead: 'GZ-RSJ',
    track: 'standard',
    replies: {
      facts: '经社保稽核，{company}存在部分月份未为投诉人参保和缴费基数低于实际工资的情况。',
      support: '已责令该公司补缴欠缴月份的社会保险费并按实际工资调整缴费基数，补缴已到账。',
      explain: '已责令补缴未参保月份；缴费基数争议涉及工资构成认定，已告知可申请劳动争议仲裁。',
      notSupport: '经核查，欠缴月份投诉人已在其他单位参保，不存在漏缴；缴费基数符合本市规定的下限标准。',
      basis: '《中华人民共和国社会保险法》第六十三条、第八十六条',
    },
  },
  {
    key: 'labour-contract',
    categoryCode: 'LABOR.CONTRACT',
    weight: 2,
    titles: ['{company}未签劳动合同即辞退员工'],
    content:
      '我在{company}上班{months}个月，公司一直不和我签劳动合同，上周突然口头通知我不用来上班，也不给任何补偿。请求依法处理，支付未签劳动合同的双倍工资。',
    topic: '入职时间、辞退经过和工资发放情况',
    lead: 'GZ-RSJ',
    track: 'standard',
    replies: {
      facts: '经调查，{company}与投诉人存在事实劳动关系，用工期间未订立书面劳动合同。',
      support: '已责令该公司支付未订立书面劳动合同期间的二倍工资差额及经济补偿金，公司已履行。',
      explain: '已责令公司改正；双倍工资和经济补偿金额存在争议，已引导投诉人申请劳动争议仲裁，仲裁院已立案。',
      notSupport: '经查，投诉人系劳务派遣人员，劳动合同已由派遣单位签订，已告知向派遣单位主张权利。',
      basis: '《中华人民共和国劳动合同法》第十条、第八十二条',
    },
  },
  {
    key: 'property-parking',
    categoryCode: 'HOUSING.PROPERTY',
    weight: 4,
    titles: ['{estate}物业擅自上调停车费', '{estate}物业乱收费'],
    content:
      '{street}{estate}物业公司{company}未经业主大会同意，擅自将小区月租车位费从三百元上调到{amount}元，还对临时停车按小时收费。业主多次要求公示收费依据，物业拒不公开。请求主管部门查处。',
    topic: '收费标准变化和物业公示情况',
    lead: 'GZ-ZJJ',
    track: 'standard',
    replies: {
      facts: '经查，{company}调整停车服务费未按规定履行业主共同决定程序，也未在小区显著位置公示。',
      support: '已责令物业服务企业暂停执行新收费标准，恢复原标准并退还多收费用，同时对其违规行为记入信用档案。',
      explain: '停车服务费实行市场调节价，已督促物业公示成本构成，并指导业委会组织业主协商确定收费标准。',
      notSupport: '经核查，该收费调整已经业主大会表决通过并公示，程序符合规定。',
      basis: '《物业管理条例》第四十条；《广东省物业管理条例》第五十九条',
    },
  },
  {
    key: 'property-lift',
    categoryCode: 'HOUSING.PROPERTY',
    weight: 4,
    titles: ['{estate}电梯频繁故障物业不维修', '{estate}电梯困人事故频发'],
    content:
      '{street}{estate}某栋的电梯近{months}个月频繁故障，上个月还发生了两次困人，楼里住着很多老人。物业一直说在等维修资金审批，迟迟不修。请求督促物业尽快维修或更换电梯。',
    topic: '电梯故障次数和物业答复情况',
    lead: 'GZ-ZJJ',
    track: 'standard',
    replies: {
      facts: '经会同特种设备检验机构检查，该电梯主机和门机系统老化，存在安全隐患，物业维保记录不完整。',
      support: '已督促物业申请使用专项维修资金更换电梯主要部件，维修已完成并经检验合格，恢复正常运行。',
      explain: '已督促物业加强维保；整梯更换需经业主共同决定使用维修资金，街道正组织业主表决，表决通过后即行更换。',
      notSupport: '经检验，该电梯各项指标符合安全技术规范，近期故障系人为扒门所致，已督促物业加强宣传和管理。',
      basis: '《中华人民共和国特种设备安全法》第四十二条；《物业管理条例》第五十四条',
    },
  },
  {
    key: 'property-fund',
    categoryCode: 'HOUSING.PROPERTY',
    weight: 2,
    titles: ['{estate}维修资金使用不透明', '要求公开{estate}公共收益账目'],
    content:
      '{street}{estate}物业公司多年来出租小区广告位和公共场地，收益从不公开；前段时间还以维修外墙为由申请动用维修资金{amount}元，施工质量很差。请求审计并公开账目。',
    topic: '公共收益和维修资金使用的具体项目',
    lead: 'GZ-ZJJ',
    track: 'standard',
    replies: {
      facts: '经查，该物业服务企业未按规定单独列账和定期公布小区公共收益收支情况。',
      support: '已责令物业公开近三年公共收益账目并接受业主查询，维修工程已委托第三方进行质量鉴定。',
      explain: '已督促物业公开账目；维修资金使用已经业主表决且工程已验收，如对质量有异议可申请第三方鉴定。',
      notSupport: '经核查，该小区公共收益已按季度在公告栏公示，维修资金使用程序合法、资料齐全。',
      basis: '《广东省物业管理条例》第五十四条；《住宅专项维修资金管理办法》',
    },
  },
  {
    key: 'house-leak',
    categoryCode: 'HOUSING.QUALITY',
    weight: 3,
    titles: ['新购商品房外墙渗水开发商不维修', '{estate}新房墙体开裂渗水'],
    content:
      '我去年在{street}购买了{estate}的商品房，入住不到一年外墙就开始渗水，墙皮脱落，卧室墙面发霉。多次找开发商维修，对方只是简单处理，下雨后又渗水。请求督促开发商履行保修责任。',
    topic: '房屋渗水部位和开发商的处理情况',
    lead: 'GZ-ZJJ',
    track: 'standard',
    replies: {
      facts: '经现场查勘，该户外墙存在防水层施工缺陷，属保修期内的质量问题。',
      support: '已约谈开发企业，开发企业已委托专业队伍重新施工外墙防水并修复室内墙面，业主验收确认。',
      explain: '已责令开发企业履行保修义务；室内装修损失的赔偿属民事争议，已告知可协商或诉讼解决。',
      notSupport: '经检测，渗水系业主装修时更改窗户结构导致，不属于开发企业保修范围。',
      basis: '《建设工程质量管理条例》第四十条、第四十一条',
    },
  },
  {
    key: 'noise-construction',
    categoryCode: 'ENV.NOISE',
    weight: 4,
    titles: ['{road}工地夜间施工噪音扰民', '{estate}旁工地深夜打桩'],
    content:
      '{street}{road}旁的建筑工地经常在晚上十一点以后还在施工，打桩机和泥头车的噪音非常大，一直到凌晨，附近{estate}的居民根本无法入睡。请求查处夜间违规施工。',
    topic: '夜间施工的时间段和噪声来源',
    lead: 'GZ-STHJJ',
    track: 'fast',
    replies: {
      facts: '经夜间执法检查和噪声监测，该工地在未取得夜间施工许可的情况下于二十二时后施工，噪声超标。',
      support: '已对施工单位立案处罚并责令停止夜间施工，后续安排夜间巡查，未再发现违规施工。',
      explain: '该工地部分夜间作业属混凝土连续浇筑，已依法办理夜间施工证明，已要求其采取降噪措施并提前公告。',
      notSupport: '经连续三晚监测，该工地二十二时后未施工，夜间噪声来源于相邻道路交通，已转交交通部门研究降噪措施。',
      basis: '《中华人民共和国噪声污染防治法》第四十三条、第七十七条',
    },
  },
  {
    key: 'noise-bar',
    categoryCode: 'ENV.NOISE',
    weight: 2,
    titles: ['{road}酒吧音响噪音扰民', '{estate}广场舞音响声音过大'],
    content:
      '{street}{road}新开的一家酒吧每晚音响开得很大，低音震得窗户都在响，持续到凌晨两点。周边{estate}居民多次投诉，店家依然我行我素。请求依法处理。',
    topic: '噪声来源、时段和影响范围',
    lead: 'GZ-STHJJ',
    track: 'fast',
    replies: {
      facts: '经夜间监测，该酒吧营业期间边界噪声超过社会生活噪声排放标准。',
      support: '已责令该酒吧限期整改，店家已加装隔音设施并控制营业时段音量，复测达标。',
      explain: '已责令整改并加强巡查；该店申请延期整改隔音工程，期间要求其二十二时后降低音量。',
      notSupport: '经多次监测，该酒吧噪声排放均符合标准，已向投诉人说明监测结果。',
      basis: '《中华人民共和国噪声污染防治法》第六十二条',
    },
  },
  {
    key: 'cooking-fumes',
    categoryCode: 'ENV.AIR',
    weight: 2,
    titles: ['{road}餐馆油烟直排居民楼', '楼下烧腊店油烟熏人'],
    content:
      '{street}{estate}楼下的餐馆没有安装油烟净化设施，油烟直接排到住宅楼，住在楼上的居民常年不敢开窗，衣服晾在外面都是油烟味。请求责令整改。',
    topic: '餐馆位置和油烟排放情况',
    lead: 'GZ-STHJJ',
    track: 'standard',
    replies: {
      facts: '经检查，该餐馆油烟净化设施未正常运行，排气口距住宅窗户不足规定距离。',
      support: '已责令该餐馆限期安装高效油烟净化设施并改造排烟管道至楼顶，已整改完毕。',
      explain: '已责令整改；排烟管道改造需经业主同意，正在协调业主和商户，期间要求其停止使用明火炉灶。',
      notSupport: '经监测，该餐馆油烟排放浓度达标，排烟口设置符合规范。',
      basis: '《中华人民共和国大气污染防治法》第八十一条',
    },
  },
  {
    key: 'road-potholes',
    categoryCode: 'TRANSPORT.ROADS',
    weight: 2,
    titles: ['{road}路面坑洼多处', '{road}路口红绿灯时长不合理'],
    content:
      '{street}{road}路面坑洼不平，多处出现深坑，雨天积水看不见，已经有摩托车和电动车摔倒。路口红绿灯设置也不合理，行人过马路时间太短。请求尽快修复路面并优化信号灯。',
    topic: '路面破损位置和信号灯问题',
    lead: 'GZ-JTJ',
    track: 'standard',
    replies: {
      facts: '经现场勘查，该路段沥青路面存在多处坑槽，路口行人信号灯绿灯时长为二十秒。',
      support: '已完成坑槽修补，并会同交警部门将行人绿灯时长调整为三十五秒。',
      explain: '已对坑槽进行应急修补；全线路面翻新已纳入明年道路维修计划。信号灯配时需整体评估，交警部门正在研究。',
      notSupport: '经核查，该路段为在建地铁施工围蔽区域，路面由施工单位负责维护，已督促施工单位修补。',
      basis: '《城市道路管理条例》第二十二条',
    },
  },
  {
    key: 'bus-route',
    categoryCode: 'TRANSPORT.PUBLIC',
    weight: 2,
    titles: ['公交线路调整后{estate}居民出行不便', '建议恢复{road}公交站点'],
    content:
      '最近公交线路调整，{street}{estate}附近原有的公交站被取消，居民要步行二十多分钟才能坐车，老人上下班和看病都很不方便。请求恢复站点或增开接驳线路。',
    topic: '原公交站点和居民出行需求',
    lead: 'GZ-JTJ',
    track: 'fast',
    replies: {
      facts: '经核查，因道路施工，途经该站点的线路临时绕行，站点暂停使用。',
      support: '已协调公交企业在小区附近增设临时站点，并开通高峰期社区接驳线路。',
      explain: '道路施工期间线路需临时绕行，施工完成后（预计三个月）恢复原站点，期间增加附近站点班次。',
      notSupport: '经客流调查，该站点日均客流较低，线路调整系全市线网优化的统一安排，附近五百米内有其他线路可乘坐。',
      basis: '《广州市公共汽车电车客运管理条例》第十四条',
    },
  },
  {
    key: 'illegal-parking',
    categoryCode: 'POLICE.TRAFFIC',
    weight: 2,
    titles: ['{estate}周边乱停车堵塞消防通道', '{road}路边长期违停'],
    content:
      '{street}{estate}周边道路两侧长期停满车辆，有的车辆停在消防通道和盲道上，早晚高峰车辆进出困难，救护车都进不来。请求加强违停治理。',
    topic: '违停集中的路段和时段',
    lead: 'GZ-GAJ',
    track: 'fast',
    replies: {
      facts: '经交警巡查，该路段早晚高峰违停现象突出，部分车辆占用消防通道。',
      support: '已在该路段增设禁停标志和电子抓拍设备，并开展专项整治，违停现象明显减少。',
      explain: '已加强巡查；周边停车位供给不足，已建议区政府规划建设临时停车场。',
      notSupport: '经核查，该道路为小区内部道路，不属于公安交通管理范围，已告知由物业负责管理。',
      basis: '《中华人民共和国道路交通安全法》第五十六条',
    },
  },
  {
    key: 'food-hygiene',
    categoryCode: 'MARKET.FOOD',
    weight: 2,
    titles: ['{road}某餐馆卫生状况差', '外卖餐食变质'],
    content: '我在{street}{road}的一家餐馆吃饭后出现腹泻，发现后厨卫生很差，苍蝇很多，食材随地堆放。请求食品安全部门检查处理。',
    topic: '就餐时间、餐馆名称和身体状况',
    lead: 'GZ-SCJGJ',
    track: 'fast',
    replies: {
      facts: '经现场检查，该餐馆后厨存在食品原料未离地存放、防蝇设施缺失等问题。',
      support: '已依法对该餐馆立案处罚，责令停业整改，复查合格后方恢复营业。',
      explain: '已责令整改；投诉人就医费用赔偿属民事争议，已组织调解，双方达成和解。',
      notSupport: '经抽检，该餐馆留样食品检验合格，未发现与投诉人症状相关的证据。',
      basis: '《中华人民共和国食品安全法》第三十三条、第一百二十六条',
    },
  },
  {
    key: 'prepaid-gym',
    categoryCode: 'MARKET.CONSUMER',
    weight: 3,
    titles: ['{company}健身房关门预付卡无法退费', '预付卡商家跑路'],
    content:
      '我在{street}{road}的{company}办了健身年卡，交了{amount}元，才用了{months}个月健身房就突然关门，老板联系不上。同样情况的会员有几百人。请求帮助退费。',
    topic: '办卡金额、剩余期限和商家情况',
    lead: 'GZ-SCJGJ',
    track: 'fast',
    replies: {
      facts: '经核查，{company}因经营困难停业，已登记会员预付卡余额情况。',
      support: '经约谈，该公司已与接手经营的健身企业达成协议，会员可继续使用剩余课时或按比例退费。',
      explain: '已将该公司列入经营异常名录并督促退费；因其涉嫌合同诈骗，已移送公安机关处理，会员可凭凭证登记维权。',
      notSupport: '经核实，该健身房已迁址继续营业并通知会员，投诉人可到新址继续使用。',
      basis: '《中华人民共和国消费者权益保护法》第五十三条',
    },
  },
  {
    key: 'water-pressure',
    categoryCode: 'UTILITIES.WATER',
    weight: 2,
    titles: ['{estate}频繁停水水压低', '{estate}自来水发黄'],
    content:
      '{street}{estate}近{months}个月经常停水，也不提前通知，来水以后水压很低，高层住户基本用不上水，有时水还发黄。请求供水部门解决。',
    topic: '停水频次和受影响楼层',
    lead: 'GZ-ZLS',
    track: 'fast',
    contribution: '经核查，该片区供水管网属我局规划范围，已将其纳入二次供水设施改造计划，并督促供水企业做好应急保障。',
    replies: {
      facts: '经检测，该小区二次供水泵房设备老化，水箱清洗不及时，导致水压不足和水质浑浊。',
      support: '已更换加压泵组并清洗消毒水箱，水质检测合格，高层水压恢复正常。',
      explain: '已对泵房进行应急维修；小区二次供水设施移交改造需业主同意，已纳入年度改造计划。',
      notSupport: '经检测，市政管网供水压力和水质均符合标准，问题出在小区自建供水设施，应由物业负责维护。',
      basis: '《城市供水条例》第二十六条；《广州市供水用水条例》',
    },
  },
  {
    key: 'medical-insurance',
    categoryCode: 'HEALTH.INSURANCE',
    weight: 2,
    titles: ['异地就医医疗费用报销难', '门诊特定病种待遇申请被拒'],
    content: '我母亲今年在外地住院花了{amount}元，回来后申请医保报销，窗口说材料不全让来回跑了好几次，至今没有办结。请求尽快办理报销。',
    topic: '就医时间、费用和已提交的材料',
    lead: 'GZ-YBJ',
    track: 'standard',
    replies: {
      facts: '经核查，申请人提交的住院费用票据和病历齐全，因未办理异地就医备案导致需手工审核。',
      support: '已按规定补办备案并完成手工报销，报销款已支付至申请人账户。',
      explain: '已受理报销申请；因未提前备案，按规定报销比例下降十个百分点，已向申请人解释政策。',
      notSupport: '经审核，申请报销的部分项目属于医保目录外费用，依规不予报销。',
      basis: '《医疗保障基金使用监督管理条例》；《广州市社会医疗保险办法》',
    },
  },
  {
    key: 'elderly-care',
    categoryCode: 'CIVIL.ELDERLY',
    weight: 2,
    titles: ['{street}某养老院护理不到位', '申请居家养老服务补贴未获批'],
    content: '我父亲住在{street}某民办养老院，护理员经常不按时翻身喂饭，老人身上出现褥疮，院方还多收费用。请求民政部门检查处理。',
    topic: '养老院名称和老人护理情况',
    lead: 'GZ-MZJ',
    track: 'standard',
    replies: {
      facts: '经检查，该养老院护理人员配备不足，部分护理记录不完整。',
      support: '已责令该院限期补充护理人员、退还多收费用，并纳入重点监管名单。',
      explain: '已责令整改并加强检查；收费标准系合同约定，已指导家属与院方协商。',
      notSupport: '经调查，该院护理和收费符合服务合同及行业标准，老人褥疮系入院前已有。',
      basis: '《养老机构管理办法》第二十条、第四十六条',
    },
  },
  {
    key: 'neighbour-leak',
    categoryCode: 'COMMUNITY.NEIGHBOR_DISPUTE',
    weight: 3,
    titles: ['楼上住户漏水协商无果', '{estate}邻居违规改造阳台'],
    content:
      '我住在{street}{estate}，楼上住户卫生间漏水已经{months}个月，我家天花板发霉脱落。多次上门协商对方都不配合维修，物业也协调不了。请求社区、街道帮忙调解。',
    topic: '漏水部位、持续时间和协商经过',
    lead: 'street',
    track: 'fast',
    replies: {
      facts: '经社区人民调解员上门查看，楼上卫生间防水层破损导致渗漏属实。',
      support: '经调解，楼上住户同意重做防水并赔偿维修费用，双方签订调解协议，已履行完毕。',
      explain: '已组织两次调解，双方就赔偿金额未达成一致，已告知可申请司法确认或向法院起诉。',
      notSupport: '经检测，渗漏系公共排水立管破损所致，不属于楼上住户责任，已交物业维修。',
      basis: '《中华人民共和国人民调解法》第十七条；《中华人民共和国民法典》第二百八十八条',
    },
  },
  {
    key: 'expropriation',
    categoryCode: 'HOUSING.EXPROPRIATION',
    districts: ['440111', '440113', '440112', '440106'],
    weight: 2,
    titles: ['旧村改造补偿标准不合理', '征收补偿款迟迟未发放'],
    content:
      '我家在{street}的房屋纳入旧村改造范围，{months}个月前已签订补偿协议并交房，但约定的补偿款和临迁费至今未足额发放，共计{amount}元。请求督促兑现。',
    topic: '协议签订时间、交房时间和未兑现的款项',
    lead: 'district',
    track: 'standard',
    contribution: '我局已核对该项目补偿资金拨付台账，第二期资金已下达区实施主体，督促其按协议兑现。',
    replies: {
      facts: '经查，该改造项目因合作企业资金不到位，部分村民补偿款和临迁费延迟发放。',
      support: '已督促改造主体筹措资金，拖欠的补偿款和临迁费已全部发放。',
      explain: '已督促改造主体制定付款计划，承诺分两期于三个月内付清，区政府将跟踪落实。',
      notSupport: '经核对协议，补偿款已按约定分期支付，第二期付款条件尚未成就。',
      basis: '《国有土地上房屋征收与补偿条例》第二十七条；《广州市旧村庄更新实施办法》',
    },
  },
  {
    key: 'metro-exit',
    categoryCode: 'TRANSPORT.METRO',
    weight: 1,
    titles: ['建议地铁站增设出入口', '地铁站出入口长期关闭'],
    content:
      '{street}附近地铁站的B出入口已经关闭{months}个月，周边{estate}居民要绕行很远才能进站，早高峰非常拥挤。请求尽快重新开放该出入口。',
    topic: '出入口位置和关闭时间',
    lead: 'GZ-DT',
    track: 'fast',
    contribution: '我局已将该出入口恢复开放纳入周边道路交通组织方案，配合地铁集团做好接驳。',
    replies: {
      facts: '经核查，该出入口因周边地块施工围蔽而临时关闭。',
      support: '已协调施工单位调整围蔽范围，该出入口已重新开放。',
      explain: '周边施工预计两个月内完成，届时恢复开放，期间在站外增设指引标识并加派引导人员。',
      notSupport: '经核查，该出入口因结构安全检测不合格需改造，改造完成前无法开放。',
      basis: '《广州市城市轨道交通管理条例》',
    },
  },
];

/** A category without a routing rule in the demo city: these wait in the dispatcher's queue. */
export const MANUAL_MATTERS: MatterTemplate[] = [
  {
    key: 'school-fees',
    categoryCode: 'EDU.SCHOOL',
    weight: 1,
    titles: ['{street}某小学违规收取课后服务费', '学校强制学生购买教辅资料'],
    content:
      '孩子在{street}某公办小学读书，学校这学期要求每个学生交{amount}元课后服务费，还统一订购教辅资料，没有公示收费依据。家长们意见很大，请求教育部门查处。',
    topic: '学校名称、收费项目和金额',
    lead: 'GZ-JYJ',
    track: 'standard',
    replies: {
      facts: '经查，该校课后服务收费标准符合规定，但统一订购教辅资料未经家长自愿选择。',
      support: '已责令学校停止统一订购教辅并退还相关费用，对学校负责人进行约谈。',
      explain: '课后服务收费系经物价部门核定的标准，家长自愿参加；已要求学校加强收费公示。',
      notSupport: '经核查，学校未统一订购教辅资料，所收费用均为自愿参加的课后服务费，且已公示。',
      basis: '《中小学教辅材料管理办法》；《广东省中小学课后服务实施意见》',
    },
  },
];

/** A suggestion (建议意见类): the suggestion track, 30 days. */
export const SUGGESTIONS: MatterTemplate[] = [
  {
    key: 'school-places',
    categoryCode: 'EDU.ENROLLMENT',
    nature: 'suggestion',
    weight: 1,
    titles: ['建议在{street}增加公办学位', '关于优化片区入学划分的建议'],
    content:
      '近年来{street}新建了{estate}等多个楼盘，适龄儿童大幅增加，片区内公办小学学位十分紧张，很多孩子要跨片区上学。建议加快规划建设新学校，或优化学区划分。',
    topic: '片区学位供需情况',
    lead: 'GZ-JYJ',
    track: 'suggestion',
    replies: {
      facts: '经核查，该片区近三年入学需求年均增长约百分之十五，现有公办学位存在缺口。',
      support: '您的建议已被采纳：片区新建小学已列入明年开工计划，过渡期将通过扩班缓解学位紧张。',
      explain: '学校布局规划需统筹全区资源，您的建议已转规划部门在编制教育设施专项规划时研究。',
      notSupport: '经测算，该片区现有及在建学位可满足需求，暂不调整学区划分。',
      basis: '《中华人民共和国义务教育法》第十二条',
    },
  },
];

/** Emergencies (the detector finds the signal in the text): leaders look first, then a dispatcher assigns. */
export const EMERGENCY_MATTERS: MatterTemplate[] = [
  {
    key: 'wages-emergency',
    categoryCode: 'LABOR.WAGES',
    weight: 1,
    titles: ['工地欠薪工人情绪激动扬言跳楼'],
    content:
      '我们{n}名工人在{street}{company}承建的工地干活，被拖欠工资{amount}元，包工头已经失联。今天有工友情绪很激动，爬上工地塔吊扬言要跳楼，请求政府马上介入处理。',
    topic: '工友现场情况和欠薪情况',
    lead: 'GZ-RSJ',
    track: 'fast',
    replies: {
      facts: '经劳动监察、属地街道和公安部门联合处置，现场工人情绪已稳定，{company}确存在拖欠工资的情况。',
      support: '已启用工资保证金垫付全部欠薪，并对失联包工头立案追查。',
      explain: '已垫付部分欠薪，剩余部分待工程结算后支付，街道安排专人跟进。',
      notSupport: '经核实，工资已于当日由总包单位结清，工人已签收。',
      basis: '《保障农民工工资支付条例》第三十六条',
    },
  },
  {
    key: 'expropriation-gathering',
    categoryCode: 'HOUSING.EXPROPRIATION',
    districts: ['440111', '440113'],
    weight: 1,
    titles: ['旧改村民不满补偿方案准备集体上访'],
    content:
      '{street}旧村改造补偿方案公布后，村民普遍认为补偿标准过低，今天已有几十人一起聚集在村委门口，说要到区政府反映。请求相关部门尽快出面解释沟通。',
    topic: '村民诉求和现场情况',
    lead: 'district',
    track: 'standard',
    replies: {
      facts: '经区政府工作组现场了解，村民主要对临迁费标准和回迁房面积有异议。',
      support: '工作组已组织村民代表座谈，采纳合理意见，临迁费标准按最新评估结果上调。',
      explain: '已组织座谈解释补偿方案依据，方案经村民代表大会表决通过，将继续做好个别户的沟通。',
      notSupport: '补偿方案经依法评估和村民表决，标准符合规定，不予调整。',
      basis: '《广州市旧村庄更新实施办法》第二十条',
    },
  },
];

/** A collective petition (5 or more people, 条例 Art. 20): representatives are named. */
export const COLLECTIVE_MATTERS: MatterTemplate[] = [
  {
    key: 'estate-quality-collective',
    categoryCode: 'HOUSING.QUALITY',
    weight: 1,
    titles: ['{estate}业主集体反映新房质量问题'],
    content:
      '我们是{street}{estate}的业主，交房后发现大面积墙体开裂、地下室渗水，开发商拒绝整改。业主推选代表前来反映，请求住建部门组织质量鉴定并督促开发商维修。',
    topic: '质量问题范围和业主诉求',
    lead: 'GZ-ZJJ',
    track: 'standard',
    replies: {
      facts: '经委托检测机构对该小区进行抽检，部分楼栋墙体开裂和地下室渗水属施工质量缺陷。',
      support: '已责令开发企业制定整改方案并全面维修，住建部门全程监督，业主代表参与验收。',
      explain: '已责令开发企业维修；对结构安全的鉴定结论为安全，非结构性问题由开发企业限期维修。',
      notSupport: '经鉴定，房屋质量符合设计和验收标准，开裂系温度变形所致的表面裂缝。',
      basis: '《建设工程质量管理条例》第四十条',
    },
  },
];

/** Simple questions a clerk answers at the window or on the phone (当场答复). */
export const ON_THE_SPOT: Array<{ key: string; categoryCode: string; title: string; content: string; answer: string }> = [
  {
    key: 'provident-fund',
    categoryCode: 'HOUSING.PROVIDENT_FUND',
    title: '咨询租房提取住房公积金',
    content: '我在广州租房，想了解如何提取住房公积金支付房租，需要哪些材料。',
    answer: '租房提取公积金可通过“穗好办”或公积金中心网上业务平台办理，按月或按年提取，本人身份证明和租赁情况即可，无需到窗口。',
  },
  {
    key: 'household',
    categoryCode: 'POLICE.HOUSEHOLD',
    title: '咨询积分入户办理条件',
    content: '我在广州工作五年了，想咨询积分入户的条件和申请时间。',
    answer:
      '积分入户每年集中受理一次，需在本市合法稳定就业并缴纳社保满规定年限，具体指标和申报时间以市人社局年度公告为准，可关注官方网站。',
  },
  {
    key: 'social-transfer',
    categoryCode: 'LABOR.SOCIAL_SECURITY',
    title: '咨询养老保险跨省转移',
    content: '我从外省来广州工作，之前在老家交的养老保险怎么转过来？',
    answer: '养老保险跨省转移可在国家社会保险公共服务平台或掌上12333直接申请，由转入地社保经办机构办理，一般四十五个工作日内完成。',
  },
];

/** Matters the clerk does not send to the units: told the proper channel, or forwarded. */
export const TRIAGE_MATTERS: Array<{
  key: string;
  categoryCode: string;
  title: string;
  content: string;
  outcome: 'inform' | 'forward';
  properChannel?: string;
  authority: string;
}> = [
  {
    key: 'private-loan',
    categoryCode: 'LAW.LITIGATION',
    title: '民间借贷纠纷要求政府追讨欠款',
    content: '朋友向我借款{amount}元，约定一年归还，到期后一直拖延不还，现在电话也不接。请求政府帮忙追讨。',
    outcome: 'inform',
    properChannel: 'litigation',
    authority: '广州市天河区人民法院',
  },
  {
    key: 'labour-arbitration',
    categoryCode: 'LABOR.CONTRACT',
    title: '与公司解除劳动合同的赔偿争议',
    content: '公司以经营调整为由与我解除劳动合同，只愿意支付一个月工资作为补偿，我认为应按工作年限支付经济补偿金。',
    outcome: 'inform',
    properChannel: 'labor_arbitration',
    authority: '广州市劳动人事争议仲裁委员会',
  },
  {
    key: 'out-of-province-wages',
    categoryCode: 'LABOR.WAGES',
    title: '外省企业拖欠工资',
    content: '我在湖南长沙的一家企业工作期间被拖欠工资{amount}元，现在回到广州，请求帮助追讨。',
    outcome: 'forward',
    authority: '湖南省长沙市人力资源和社会保障局',
  },
];

/** Reasons a unit gives for more time (told to the petitioner). */
export const EXTENSION_REASONS = [
  '需会同住建部门现场勘验，并委托第三方检测机构出具报告，预计二十日内完成。',
  '涉及多个部门职责，需召开协调会研究处理方案。',
  '需调取历年档案资料并征求相关权利人意见。',
  '需等待第三方鉴定结论，鉴定机构预计三周内出具报告。',
];

/** Why a supervisor returns a reply for rework (退回重办). */
export const RETURN_REASONS = [
  '答复未说明具体整改时限，请补充后重新答复。',
  '未引用法律政策依据，请补充后重新答复。',
  '查明事实部分过于简略，未回应信访人提出的第二项诉求，请补充核实。',
];

export const APPROVAL_COMMENTS = ['事实清楚，依据充分，同意答复。', '同意。', '答复规范，同意送达。', '同意，请做好回访。'];

export const APPEAL_GROUNDS = [
  '对处理意见不服，认为问题未得到实质解决，请求复查。',
  '承办单位只做了表面处理，问题反复出现，请求复查。',
  '认为处理意见认定事实不清，请求上一级机关复查。',
];

export const HANDLER_NOTES = [
  '已与社区网格员沟通，计划本周内现场核查。',
  '已调取相关资料，待科室会商后提出处理意见。',
  '已电话联系相关企业负责人，约定下周一到单位说明情况。',
  '现场核查照片已存档，待分管领导审定处理方案。',
];

/** Surnames and given names of the demo city's (fake) petitioners. */
export const SURNAMES = [
  '李',
  '王',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '梁',
  '谢',
  '邓',
  '冯',
  '曾',
  '彭',
  '苏',
  '卢',
  '蔡',
  '潘',
  '钟',
];
export const GIVEN_NAMES = [
  '建国',
  '秀英',
  '志强',
  '桂芳',
  '伟',
  '海燕',
  '国华',
  '丽娟',
  '俊杰',
  '玉兰',
  '文斌',
  '美玲',
  '德明',
  '晓红',
  '永康',
  '淑珍',
  '家豪',
  '婉婷',
  '振华',
  '惠敏',
  '子轩',
  '雅琴',
  '锦荣',
  '翠萍',
  '嘉伟',
  '少华',
  '耀祖',
  '月娥',
  '宏亮',
  '佩仪',
];
