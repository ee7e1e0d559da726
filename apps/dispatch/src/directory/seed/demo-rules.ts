import { Nature, Track, UnitLevel } from '@petition/contracts';
import { DEMO_REGIONS } from './demo-regions';

/** A routing rule of the demo city, naming units by code. */
export interface DemoRule {
  category: string;
  region: string | null;
  nature: Nature | null;
  lead: string;
  coHandlers?: string[];
  track: Track;
  instructions?: string;
  priority?: number;
}

const CITY = '440100';
const city = (category: string, lead: string, track = Track.Standard, instructions?: string, coHandlers?: string[]): DemoRule => ({
  category,
  region: CITY,
  nature: null,
  lead,
  track,
  instructions,
  coHandlers,
});
const districts = DEMO_REGIONS.filter((r) => r.level === UnitLevel.District);
const streets = DEMO_REGIONS.filter((r) => r.level === UnitLevel.Street);

/**
 * Routing in the demo city: competent departments city-wide (谁主管、谁负责), territorial
 * governments for local matters (属地管理), the most specific region first (分级负责).
 * Accusations go to the district discipline committee, falling back to the city's (条例 Art. 30);
 * litigation-related matters to the court and procuratorate liaison (诉访分离).
 * EDU.SCHOOL deliberately has no rule, so it shows the dispatcher's manual queue.
 */
export const DEMO_RULES: DemoRule[] = [
  city('URBAN.DRAINAGE', 'GZ-SWJ'),
  {
    category: 'URBAN.DRAINAGE',
    region: '440106',
    nature: null,
    lead: 'GZ-440106',
    coHandlers: ['GZ-SWJ'],
    track: Track.Standard,
    instructions: '属地牵头，市水务局配合',
  },
  city('URBAN.SANITATION', 'GZ-CGJ', Track.Fast),
  city('URBAN.ILLEGAL_BUILDING', 'GZ-CGJ'),
  city('URBAN.MUNICIPAL', 'GZ-CGJ', Track.Fast),
  city('URBAN.GREENING', 'GZ-LYYLJ', Track.Fast),
  city('LABOR.WAGES', 'GZ-RSJ', Track.Fast, '涉及欠薪，优先办理'),
  city('LABOR.SOCIAL_SECURITY', 'GZ-RSJ'),
  city('LABOR.CONTRACT', 'GZ-RSJ'),
  city('LABOR.EMPLOYMENT', 'GZ-RSJ'),
  city('HOUSING.PROPERTY', 'GZ-ZJJ'),
  city('HOUSING.SECURITY', 'GZ-ZJJ'),
  city('HOUSING.QUALITY', 'GZ-ZJJ'),
  city('HOUSING.PROVIDENT_FUND', 'GZ-GJJ', Track.Fast),
  city('HOUSING.EXPROPRIATION', 'GZ-ZSJ'),
  city('LAND.USE', 'GZ-GHZYJ'),
  city('LAND.PLANNING', 'GZ-GHZYJ'),
  city('TRANSPORT.ROADS', 'GZ-JTJ'),
  city('TRANSPORT.PUBLIC', 'GZ-JTJ', Track.Fast),
  city('TRANSPORT.TAXI', 'GZ-JTJ', Track.Fast),
  city('TRANSPORT.METRO', 'GZ-DT', Track.Fast, undefined, ['GZ-JTJ']),
  city('POLICE.ORDER', 'GZ-GAJ'),
  city('POLICE.TRAFFIC', 'GZ-GAJ', Track.Fast),
  city('POLICE.HOUSEHOLD', 'GZ-GAJ'),
  city('ENV.NOISE', 'GZ-STHJJ', Track.Fast),
  city('ENV.AIR', 'GZ-STHJJ'),
  city('ENV.WATER', 'GZ-STHJJ', Track.Standard, undefined, ['GZ-SWJ']),
  city('EDU.ENROLLMENT', 'GZ-JYJ'),
  {
    category: 'EDU.ENROLLMENT',
    region: CITY,
    nature: Nature.Suggestion,
    lead: 'GZ-JYJ',
    track: Track.Suggestion,
    instructions: '建议类，纳入招生政策研究',
  },
  city('EDU.TRAINING', 'GZ-JYJ', Track.Fast, undefined, ['GZ-SCJGJ']),
  city('HEALTH.MEDICAL', 'GZ-WJW'),
  city('HEALTH.INSURANCE', 'GZ-YBJ'),
  city('HEALTH.EPIDEMIC', 'GZ-WJW', Track.Fast),
  city('MARKET.FOOD', 'GZ-SCJGJ', Track.Fast),
  city('MARKET.CONSUMER', 'GZ-SCJGJ', Track.Fast),
  city('MARKET.DRUG', 'GZ-SCJGJ'),
  city('MARKET.LICENSE', 'GZ-SCJGJ', Track.Fast),
  city('CIVIL.AID', 'GZ-MZJ'),
  city('CIVIL.ELDERLY', 'GZ-MZJ'),
  city('CIVIL.MARRIAGE', 'GZ-MZJ', Track.Fast),
  city('RURAL.COLLECTIVE', 'GZ-NYNCJ'),
  city('RURAL.LAND_CONTRACT', 'GZ-NYNCJ'),
  city('UTILITIES.WATER', 'GZ-ZLS', Track.Fast, undefined, ['GZ-SWJ']),
  city('UTILITIES.POWER', 'GZ-GDGS', Track.Fast),
  city('UTILITIES.GAS', 'GZ-RQ', Track.Fast),
  city('FINANCE.ILLEGAL_FUNDRAISING', 'GZ-JRJ', Track.Standard, '涉众型，注意稳控', ['GZ-GAJ']),
  city('FINANCE.LENDING', 'GZ-JRJ'),
  city('SAFETY.WORKPLACE', 'GZ-YJGLJ'),
  city('SAFETY.FIRE', 'GZ-XFZD', Track.Fast),
  city('CULTURE.TOURISM', 'GZ-WGLJ', Track.Fast),
  city('CULTURE.CULTURE', 'GZ-WGLJ'),
  city('VETERANS.BENEFITS', 'GZ-TYJRJ'),
  city('GOV.SERVICE', 'GZ-ZWFWJ', Track.Fast),
  city('GOV.EFFICIENCY', 'GZ-JGSW'),
  city('DISCIPLINE.OFFICIALS', 'GZ-JWJW'),
  city('LAW.LITIGATION', 'GZ-ZY-SFFW', Track.Standard, '诉访分离，依法导入诉讼程序'),
  city('LAW.ENFORCEMENT', 'GZ-ZY-SFFW', Track.Standard, '涉执行信访，转法院执行局办理'),
  city('LAW.PROCURATORIAL', 'GZ-JCY-KS', Track.Standard, '诉访分离，依法导入检察监督程序'),
  city('LAW.LEGAL_AID', 'GZ-SFJ', Track.Fast),
  city('COMMUNITY.OWNERS_COMMITTEE', 'GZ-ZJJ'),
  ...districts.flatMap((r): DemoRule[] => [
    { category: 'COMMUNITY.NEIGHBOR_DISPUTE', region: r.code, nature: null, lead: `GZ-${r.code}`, track: Track.Fast },
    { category: 'DISCIPLINE.OFFICIALS', region: r.code, nature: null, lead: `GZ-JW-${r.code}`, track: Track.Standard },
    {
      category: 'HOUSING.EXPROPRIATION',
      region: r.code,
      nature: null,
      lead: `GZ-${r.code}`,
      coHandlers: ['GZ-ZSJ'],
      track: Track.Standard,
      instructions: '区政府为征收主体',
    },
  ]),
  ...streets.flatMap((r): DemoRule[] => [
    { category: 'COMMUNITY.NEIGHBOR_DISPUTE', region: r.code, nature: null, lead: `GZ-${r.code}`, track: Track.Fast },
    {
      category: 'COMMUNITY.OWNERS_COMMITTEE',
      region: r.code,
      nature: null,
      lead: `GZ-${r.code}`,
      coHandlers: [`GZ-${r.parent}`],
      track: Track.Standard,
    },
  ]),
];
