import { type Nature, Track, UnitKind, UnitLevel } from '@petition/contracts';

/**
 * The demo city: Guangzhou's eleven districts with their real division codes, a few streets,
 * the main functional departments, discipline inspection, court liaison and the petition bureau.
 * Enough to route every nature across the region tree; the full city directory is data a city
 * loads through the admin API.
 */
export const DEMO_REGIONS: Array<{ code: string; name: string; level: UnitLevel; parent: string | null }> = [
  { code: '440100', name: '广州市', level: UnitLevel.City, parent: null },
  ...[
    ['440103', '荔湾区'], ['440104', '越秀区'], ['440105', '海珠区'], ['440106', '天河区'], ['440111', '白云区'], ['440112', '黄埔区'],
    ['440113', '番禺区'], ['440114', '花都区'], ['440115', '南沙区'], ['440117', '从化区'], ['440118', '增城区'],
  ].map(([code, name]) => ({ code, name, level: UnitLevel.District, parent: '440100' })),
  ...[
    ['440106001', '五山街道', '440106'], ['440106002', '员村街道', '440106'], ['440106003', '车陂街道', '440106'], ['440106004', '沙河街道', '440106'],
    ['440104001', '洪桥街道', '440104'], ['440104002', '北京街道', '440104'], ['440105001', '赤岗街道', '440105'], ['440105002', '新港街道', '440105'],
  ].map(([code, name, parent]) => ({ code, name, level: UnitLevel.Street, parent })),
];

export const DEMO_CATEGORIES: Array<{ code: string; name: string; parent: string | null }> = [
  { code: 'URBAN', name: '城乡建设', parent: null },
  { code: 'URBAN.DRAINAGE', name: '城市排水', parent: 'URBAN' },
  { code: 'URBAN.SANITATION', name: '环境卫生', parent: 'URBAN' },
  { code: 'URBAN.ILLEGAL_BUILDING', name: '违法建设', parent: 'URBAN' },
  { code: 'LABOR', name: '劳动和社会保障', parent: null },
  { code: 'LABOR.WAGES', name: '拖欠工资', parent: 'LABOR' },
  { code: 'LABOR.SOCIAL_SECURITY', name: '社会保险', parent: 'LABOR' },
  { code: 'HOUSING', name: '住房', parent: null },
  { code: 'HOUSING.PROPERTY', name: '物业管理', parent: 'HOUSING' },
  { code: 'TRANSPORT', name: '交通运输', parent: null },
  { code: 'TRANSPORT.ROADS', name: '道路交通', parent: 'TRANSPORT' },
  { code: 'ENV', name: '生态环境', parent: null },
  { code: 'ENV.NOISE', name: '噪声污染', parent: 'ENV' },
  { code: 'EDU', name: '教育', parent: null },
  { code: 'EDU.SCHOOL', name: '学校管理', parent: 'EDU' },
  { code: 'DISCIPLINE', name: '纪检监察', parent: null },
  { code: 'DISCIPLINE.OFFICIALS', name: '干部作风', parent: 'DISCIPLINE' },
  { code: 'LAW', name: '政法', parent: null },
  { code: 'LAW.LITIGATION', name: '涉法涉诉', parent: 'LAW' },
  { code: 'COMMUNITY', name: '基层治理', parent: null },
  { code: 'COMMUNITY.NEIGHBOR_DISPUTE', name: '邻里纠纷', parent: 'COMMUNITY' },
];

interface DemoUnit {
  code: string;
  name: string;
  level: UnitLevel;
  kind: UnitKind;
  parent: string | null;
  regions: string[];
  categories: string[];
}

const cityDept = (code: string, name: string, categories: string[], kind = UnitKind.FunctionalDepartment): DemoUnit => ({
  code, name, level: UnitLevel.City, kind, parent: null, regions: ['440100'], categories,
});

export const DEMO_UNITS: DemoUnit[] = [
  cityDept('GZ-XFJ', '广州市信访局', [], UnitKind.PetitionBureau),
  cityDept('GZ-SWJ', '广州市水务局', ['URBAN.DRAINAGE']),
  cityDept('GZ-CGJ', '广州市城市管理和综合执法局', ['URBAN.SANITATION', 'URBAN.ILLEGAL_BUILDING']),
  cityDept('GZ-RSJ', '广州市人力资源和社会保障局', ['LABOR.WAGES', 'LABOR.SOCIAL_SECURITY']),
  cityDept('GZ-ZJJ', '广州市住房和城乡建设局', ['HOUSING.PROPERTY']),
  cityDept('GZ-JTJ', '广州市交通运输局', ['TRANSPORT.ROADS']),
  cityDept('GZ-STHJJ', '广州市生态环境局', ['ENV.NOISE']),
  cityDept('GZ-JYJ', '广州市教育局', ['EDU.SCHOOL']),
  cityDept('GZ-JWJW', '中共广州市纪律检查委员会 广州市监察委员会', ['DISCIPLINE.OFFICIALS'], UnitKind.DisciplineInspection),
  cityDept('GZ-ZY-SFFW', '广州市中级人民法院诉讼服务中心', ['LAW.LITIGATION'], UnitKind.CourtLiaison),
  cityDept('GZ-GDGS', '广州供电局', [], UnitKind.PublicEnterprise),
  ...DEMO_REGIONS.filter((r) => r.level === UnitLevel.District).map((r) => ({
    code: `GZ-${r.code}`, name: `广州市${r.name}人民政府`, level: UnitLevel.District, kind: UnitKind.TerritorialGovernment,
    parent: null, regions: [r.code], categories: ['COMMUNITY.NEIGHBOR_DISPUTE', 'URBAN.SANITATION', 'URBAN.DRAINAGE'],
  })),
  ...DEMO_REGIONS.filter((r) => r.level === UnitLevel.Street).map((r) => ({
    code: `GZ-${r.code}`, name: `${r.name}办事处`, level: UnitLevel.Street, kind: UnitKind.TerritorialGovernment,
    parent: `GZ-${r.parent}`, regions: [r.code], categories: ['COMMUNITY.NEIGHBOR_DISPUTE'],
  })),
];

interface DemoRule {
  category: string;
  region: string | null;
  nature: Nature | null;
  lead: string;
  coHandlers?: string[];
  track: Track;
  instructions?: string;
  priority?: number;
}

/**
 * Routing in the demo city: competent departments city-wide (谁主管、谁负责), territorial
 * governments for local matters (属地管理), the most specific region first (分级负责).
 * EDU.SCHOOL deliberately has no rule, so it shows the dispatcher's manual queue.
 */
export const DEMO_RULES: DemoRule[] = [
  { category: 'URBAN.DRAINAGE', region: '440100', nature: null, lead: 'GZ-SWJ', track: Track.Standard },
  { category: 'URBAN.DRAINAGE', region: '440106', nature: null, lead: 'GZ-440106', coHandlers: ['GZ-SWJ'], track: Track.Standard, instructions: '属地牵头，市水务局配合' },
  { category: 'URBAN.SANITATION', region: '440100', nature: null, lead: 'GZ-CGJ', track: Track.Fast },
  { category: 'URBAN.ILLEGAL_BUILDING', region: '440100', nature: null, lead: 'GZ-CGJ', track: Track.Standard },
  { category: 'LABOR.WAGES', region: '440100', nature: null, lead: 'GZ-RSJ', track: Track.Fast, instructions: '涉及欠薪，优先办理' },
  { category: 'LABOR.SOCIAL_SECURITY', region: '440100', nature: null, lead: 'GZ-RSJ', track: Track.Standard },
  { category: 'HOUSING.PROPERTY', region: '440100', nature: null, lead: 'GZ-ZJJ', track: Track.Standard },
  { category: 'TRANSPORT.ROADS', region: '440100', nature: null, lead: 'GZ-JTJ', track: Track.Standard },
  { category: 'ENV.NOISE', region: '440100', nature: null, lead: 'GZ-STHJJ', track: Track.Fast },
  { category: 'DISCIPLINE.OFFICIALS', region: '440100', nature: null, lead: 'GZ-JWJW', track: Track.Standard },
  { category: 'LAW.LITIGATION', region: '440100', nature: null, lead: 'GZ-ZY-SFFW', track: Track.Standard, instructions: '诉访分离，依法导入诉讼程序' },
  ...DEMO_REGIONS.filter((r) => r.level === UnitLevel.District).map((r) => ({
    category: 'COMMUNITY.NEIGHBOR_DISPUTE', region: r.code, nature: null, lead: `GZ-${r.code}`, track: Track.Fast,
  })),
  ...DEMO_REGIONS.filter((r) => r.level === UnitLevel.Street).map((r) => ({
    category: 'COMMUNITY.NEIGHBOR_DISPUTE', region: r.code, nature: null, lead: `GZ-${r.code}`, track: Track.Fast,
  })),
];
