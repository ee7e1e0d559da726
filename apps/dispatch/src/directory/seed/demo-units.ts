import { UnitKind, UnitLevel } from '@petition/contracts';
import { DEMO_REGIONS } from './demo-regions';

/** A unit of the demo city. */
export interface DemoUnit {
  code: string;
  name: string;
  level: UnitLevel;
  kind: UnitKind;
  parent: string | null;
  regions: string[];
  categories: string[];
}

const cityUnit = (code: string, name: string, categories: string[], kind = UnitKind.FunctionalDepartment): DemoUnit => ({
  code,
  name,
  level: UnitLevel.City,
  kind,
  parent: null,
  regions: ['440100'],
  categories,
});

/** The city's functional departments (职能部门) with the categories they are competent for (谁主管谁负责). */
const DEPARTMENTS: DemoUnit[] = [
  cityUnit('GZ-SWJ', '广州市水务局', ['URBAN.DRAINAGE', 'ENV.WATER']),
  cityUnit('GZ-CGJ', '广州市城市管理和综合执法局', ['URBAN.SANITATION', 'URBAN.ILLEGAL_BUILDING', 'URBAN.MUNICIPAL']),
  cityUnit('GZ-RSJ', '广州市人力资源和社会保障局', ['LABOR.WAGES', 'LABOR.SOCIAL_SECURITY', 'LABOR.CONTRACT', 'LABOR.EMPLOYMENT']),
  cityUnit('GZ-ZJJ', '广州市住房和城乡建设局', ['HOUSING.PROPERTY', 'HOUSING.SECURITY', 'HOUSING.QUALITY', 'COMMUNITY.OWNERS_COMMITTEE']),
  cityUnit('GZ-JTJ', '广州市交通运输局', ['TRANSPORT.ROADS', 'TRANSPORT.PUBLIC', 'TRANSPORT.TAXI']),
  cityUnit('GZ-STHJJ', '广州市生态环境局', ['ENV.NOISE', 'ENV.AIR', 'ENV.WATER']),
  cityUnit('GZ-JYJ', '广州市教育局', ['EDU.SCHOOL', 'EDU.ENROLLMENT', 'EDU.TRAINING']),
  cityUnit('GZ-GAJ', '广州市公安局', ['POLICE.ORDER', 'POLICE.TRAFFIC', 'POLICE.HOUSEHOLD']),
  cityUnit('GZ-MZJ', '广州市民政局', ['CIVIL.AID', 'CIVIL.ELDERLY', 'CIVIL.MARRIAGE']),
  cityUnit('GZ-SFJ', '广州市司法局', ['LAW.LEGAL_AID']),
  cityUnit('GZ-CZJ', '广州市财政局', []),
  cityUnit('GZ-GHZYJ', '广州市规划和自然资源局', ['LAND.USE', 'LAND.PLANNING']),
  cityUnit('GZ-NYNCJ', '广州市农业农村局', ['RURAL.COLLECTIVE', 'RURAL.LAND_CONTRACT']),
  cityUnit('GZ-SWUJ', '广州市商务局', []),
  cityUnit('GZ-WGLJ', '广州市文化广电旅游局', ['CULTURE.TOURISM', 'CULTURE.CULTURE']),
  cityUnit('GZ-WJW', '广州市卫生健康委员会', ['HEALTH.MEDICAL', 'HEALTH.EPIDEMIC']),
  cityUnit('GZ-TYJRJ', '广州市退役军人事务局', ['VETERANS.BENEFITS']),
  cityUnit('GZ-YJGLJ', '广州市应急管理局', ['SAFETY.WORKPLACE']),
  cityUnit('GZ-SCJGJ', '广州市市场监督管理局', ['MARKET.FOOD', 'MARKET.CONSUMER', 'MARKET.DRUG', 'MARKET.LICENSE']),
  cityUnit('GZ-YBJ', '广州市医疗保障局', ['HEALTH.INSURANCE']),
  cityUnit('GZ-JRJ', '广州市地方金融监督管理局', ['FINANCE.ILLEGAL_FUNDRAISING', 'FINANCE.LENDING']),
  cityUnit('GZ-ZWFWJ', '广州市政务服务数据管理局', ['GOV.SERVICE']),
  cityUnit('GZ-LYYLJ', '广州市林业和园林局', ['URBAN.GREENING']),
  cityUnit('GZ-GXJ', '广州市工业和信息化局', []),
  cityUnit('GZ-FGW', '广州市发展和改革委员会', []),
  cityUnit('GZ-KJJ', '广州市科学技术局', []),
  cityUnit('GZ-TYJ', '广州市体育局', []),
  cityUnit('GZ-MZZJ', '广州市民族宗教事务局', []),
  cityUnit('GZ-SJJ', '广州市审计局', []),
  cityUnit('GZ-TJJ', '广州市统计局', []),
  cityUnit('GZ-RFB', '广州市人民防空办公室', []),
  cityUnit('GZ-GZW', '广州市人民政府国有资产监督管理委员会', []),
  cityUnit('GZ-GJJ', '广州住房公积金管理中心', ['HOUSING.PROVIDENT_FUND']),
  cityUnit('GZ-XFZD', '广州市消防救援支队', ['SAFETY.FIRE']),
  cityUnit('GZ-ZSJ', '广州市城市更新局', ['HOUSING.EXPROPRIATION']),
  cityUnit('GZ-SWSJ', '国家税务总局广州市税务局', []),
  cityUnit('GZ-XZSPJ', '广州市行政审批局', []),
  cityUnit('GZ-JGSW', '广州市机关事务管理局', ['GOV.EFFICIENCY']),
];

/** Discipline inspection, court and procuratorate liaison, utilities. */
const SPECIAL: DemoUnit[] = [
  cityUnit('GZ-XFJ', '广州市信访局', [], UnitKind.PetitionBureau),
  cityUnit('GZ-JWJW', '中共广州市纪律检查委员会 广州市监察委员会', ['DISCIPLINE.OFFICIALS'], UnitKind.DisciplineInspection),
  cityUnit('GZ-ZY-SFFW', '广州市中级人民法院诉讼服务中心', ['LAW.LITIGATION', 'LAW.ENFORCEMENT'], UnitKind.CourtLiaison),
  cityUnit('GZ-JCY-KS', '广州市人民检察院控告申诉检察部', ['LAW.PROCURATORIAL'], UnitKind.CourtLiaison),
  cityUnit('GZ-GDGS', '广州供电局', ['UTILITIES.POWER'], UnitKind.PublicEnterprise),
  cityUnit('GZ-ZLS', '广州市自来水有限公司', ['UTILITIES.WATER'], UnitKind.PublicEnterprise),
  cityUnit('GZ-RQ', '广州燃气集团有限公司', ['UTILITIES.GAS'], UnitKind.PublicEnterprise),
  cityUnit('GZ-DT', '广州地铁集团有限公司', ['TRANSPORT.METRO'], UnitKind.PublicEnterprise),
];

const districts = DEMO_REGIONS.filter((r) => r.level === UnitLevel.District);
const streets = DEMO_REGIONS.filter((r) => r.level === UnitLevel.Street);

/** District governments (属地) and district discipline committees. */
const DISTRICT_UNITS: DemoUnit[] = districts.flatMap((r) => [
  {
    code: `GZ-${r.code}`,
    name: `广州市${r.name}人民政府`,
    level: UnitLevel.District,
    kind: UnitKind.TerritorialGovernment,
    parent: null,
    regions: [r.code],
    categories: ['COMMUNITY.NEIGHBOR_DISPUTE', 'URBAN.SANITATION', 'URBAN.DRAINAGE', 'HOUSING.EXPROPRIATION', 'URBAN.ILLEGAL_BUILDING'],
  },
  {
    code: `GZ-JW-${r.code}`,
    name: `中共广州市${r.name}纪律检查委员会`,
    level: UnitLevel.District,
    kind: UnitKind.DisciplineInspection,
    parent: 'GZ-JWJW',
    regions: [r.code],
    categories: ['DISCIPLINE.OFFICIALS'],
  },
]);

/** Street offices and town governments. */
const STREET_UNITS: DemoUnit[] = streets.map((r) => ({
  code: `GZ-${r.code}`,
  name: r.name.endsWith('镇') ? `${r.name}人民政府` : `${r.name}办事处`,
  level: UnitLevel.Street,
  kind: UnitKind.TerritorialGovernment,
  parent: `GZ-${r.parent}`,
  regions: [r.code],
  categories: ['COMMUNITY.NEIGHBOR_DISPUTE', 'COMMUNITY.OWNERS_COMMITTEE'],
}));

/** Every unit of the demo city; parents come before their children. */
export const DEMO_UNITS: DemoUnit[] = [...SPECIAL, ...DEPARTMENTS, ...DISTRICT_UNITS, ...STREET_UNITS];
