// Why a petition waits for a dispatcher, and why each routing rule won or lost, in the dispatcher's
// words. Dispatch sends stable codes (reasonKind, cause) beside its own English sentences; the
// console words the codes with the directory's names, so no engine text reaches the page.
import type { components } from '../../api/generated/dispatch';
import { categoryName, regionName, type Directory } from './directory';

type QueuedPetition = components['schemas']['QueuedPetitionView'];
export type CandidateCause = components['schemas']['ExplainView']['candidates'][number]['cause'];

/** The queue reason of a petition as a sentence. */
export function queueReasonText(
  item: Pick<QueuedPetition, 'reasonKind' | 'categoryCode' | 'regionCode' | 'headcount'>,
  dir: Directory | null,
): string {
  switch (item.reasonKind) {
    case 'no_rule':
      return `“${categoryName(dir, item.categoryCode)}”在“${regionName(dir, item.regionCode)}”及其上级地区没有可用的路由规则，须人工指定承办单位。`;
    case 'emergency':
      return '信访内容涉及紧急情形，须领导阅示后交办。';
    case 'collective':
      return `${item.headcount} 人集体信访，须领导阅示后交办。`;
    case 'accused_unit':
      return '适用的路由规则都会把检举控告交给被检举控告的单位（《信访工作条例》第三十条），须另行指定承办单位。';
    case 'returned':
      return '承办单位以非本单位职责退回，须重新交办。';
    case 'escalated':
      return '多次被承办单位以非本单位职责退回，须升级处理。';
    default:
      return '须人工交办。';
  }
}

/** Why a candidate rule won or lost. */
export const CANDIDATE_CAUSE_TEXT: Record<CandidateCause, string> = {
  best_match: '最适用：地区最具体，其次指明信访性质，再次优先级最高',
  outranked: '有更适用的规则',
  nature_mismatch: '规则只适用于其他信访性质',
  accused_unit: '会交给被检举控告的单位（条例第三十条）',
  already_returned: '该主办单位已退回过此事项',
  lead_inactive: '该主办单位已停用',
};
