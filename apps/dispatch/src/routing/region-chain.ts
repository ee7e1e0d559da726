/**
 * The region and its ancestors by division code, most specific first: a 12-digit community,
 * its 9-digit street, its 6-digit district, and the city (`xxxx00`). Routing falls back along
 * this chain (分级负责: the lowest competent level first).
 */
export function regionChain(code: string): string[] {
  const chain: string[] = [code];
  if (code.length === 12) chain.push(code.slice(0, 9));
  if (code.length >= 9) chain.push(code.slice(0, 6));
  const city = `${code.slice(0, 4)}00`;
  if (!chain.includes(city)) chain.push(city);
  return chain;
}
