import { UnitLevel } from '@petition/contracts';

/** A division of the demo city. */
export interface DemoRegion {
  code: string;
  name: string;
  level: UnitLevel;
  parent: string | null;
}

/**
 * Guangzhou's eleven districts with their real division codes, and their streets (街道) and
 * towns (镇, the same level) — 175 in all. Street codes are `<district><nnn>` in the listed order;
 * the first entries keep the codes earlier versions and tests use (440106001 五山, 440106002 员村,
 * 440104001 洪桥, 440105001 赤岗 …).
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

/** 广州市 with its districts, streets, towns and sample communities. */
export const DEMO_REGIONS: DemoRegion[] = [
  { code: '440100', name: '广州市', level: UnitLevel.City, parent: null },
  ...DISTRICTS.map(([code, name]) => ({ code, name, level: UnitLevel.District, parent: '440100' })),
  ...DISTRICTS.flatMap(([district, , streets]) =>
    streets.split(' ').map((s, i) => ({
      code: `${district}${String(i + 1).padStart(3, '0')}`,
      name: s.endsWith('镇') ? s : `${s}街道`,
      level: UnitLevel.Street,
      parent: district,
    })),
  ),
  ...COMMUNITIES.map(([code, name]) => ({ code, name, level: UnitLevel.Community, parent: code.slice(0, 9) })),
];
