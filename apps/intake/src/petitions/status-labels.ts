import type { PetitionStatus } from '@petition/contracts';

/** A petition's status in the words the petitioner and the window use. */
export const STATUS_LABELS: Record<PetitionStatus, string> = {
  registered: '已提交，待登记分流',
  dispatched: '已转交办理',
  assigned: '已交办承办单位',
  accepted: '承办单位已受理',
  replied: '已作出答复',
  approved: '答复已审核',
  closed: '已办结',
  ended: '已处理完毕',
  concluded: '终结',
};
