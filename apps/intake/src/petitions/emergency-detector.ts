/**
 * Signals that make a petition an emergency (a life at risk or public order), matched in title
 * and content. Deliberately broad: a false alarm costs a phone call, a missed one can cost a life.
 */
const SIGNALS: ReadonlyArray<{ signal: string; pattern: RegExp }> = [
  { signal: 'self_harm', pattern: /(自杀|轻生|跳楼|跳河|割腕|服毒|喝农药|不想活|寻死|自焚|同归于尽)/ },
  { signal: 'violence', pattern: /(杀人|砍人|报复社会|持刀|行凶|殴打|打死|炸药|爆炸|放火|纵火)/ },
  { signal: 'mass_gathering', pattern: /(集体上访|聚集|围堵|静坐|拉横幅|群体性|上百人|几十人一起)/ },
  { signal: 'blocking_roads', pattern: /(堵路|拦路|堵塞交通|封堵道路|堵门|卧轨|拦车)/ },
];

/** The emergency signals found in a text, in a fixed order, without the matched words. */
export function detectEmergencySignals(text: string): string[] {
  return SIGNALS.filter((s) => s.pattern.test(text)).map((s) => s.signal);
}
