/**
 * The demo city, Guangzhou: 11 districts and 175 streets and towns with their division codes,
 * ~40 functional departments, district and city discipline inspection, court and procuratorate
 * liaison, utilities, an 81-entry taxonomy and the rules that route it.
 */
export { DEMO_REGIONS, type DemoRegion } from './demo-regions';
export { DEMO_CATEGORIES, type DemoCategory } from './demo-categories';
export { DEMO_UNITS, type DemoUnit } from './demo-units';
export { DEMO_RULES, type DemoRule } from './demo-rules';
