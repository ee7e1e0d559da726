import { AssignmentRole } from '@petition/contracts';
import { placeholdersOf, renderDocument, templateProblems } from '@petition/documents';
import { docxText } from '@petition/testing';
import { assignmentSheetVars, chineseNumber, periodFromAcceptance, type AssignmentSheetFacts } from './assignment-sheet';
import { HANDLING_DOCUMENT_KINDS, HANDLING_DOCUMENT_TEMPLATES, currentTemplate } from './templates/assignment-sheet-templates';

const facts: AssignmentSheetFacts = {
  trackingNo: '440106-20261207-000001',
  title: '小区雨水井堵塞积水',
  role: AssignmentRole.Lead,
  petitionerNameMasked: '李*',
  instructions: null,
  // Due at 00:00 on 10 December in Shanghai: the last day is 9 December.
  acceptDue: new Date('2026-12-10T00:00:00+08:00'),
  assignedAt: new Date('2026-12-07T10:30:00+08:00'),
  handlingDue: null,
  handlingPeriod: { kind: 'calendar_days', limit: 60 },
  leadUnitName: '天河区人民政府',
  coHandlerNames: ['广州市水务局'],
  channel: 'visit',
  headcount: 1,
  // 23:30 UTC on the 6th is already the 7th in Shanghai.
  registeredAt: '2026-12-06T23:30:00Z',
  content: '雨水井长期堵塞，请求疏通。',
  emergency: false,
  issuer: '广州市信访局',
};

describe('the 交办单 (assignment sheet)', () => {
  it('every version of every template is well-formed, and the vars fill every placeholder', () => {
    for (const kind of HANDLING_DOCUMENT_KINDS) {
      for (const t of HANDLING_DOCUMENT_TEMPLATES[kind]) expect(templateProblems(t)).toEqual([]);
    }
    const vars = assignmentSheetVars(facts);
    expect(placeholdersOf(currentTemplate('assignment_sheet')).filter((p) => !(p in vars))).toEqual([]);
  });

  it('states the matter in Chinese, the deadlines as their last days, and 无 where nothing was given', () => {
    expect(assignmentSheetVars(facts)).toEqual({
      trackingNo: '440106-20261207-000001',
      issuer: '广州市信访局',
      leadUnit: '天河区人民政府',
      coHandlers: '广州市水务局',
      duty: '承办',
      petitionerName: '李*',
      channel: '来访',
      headcount: '1人',
      registeredOn: '2026年12月7日',
      assignedOn: '2026年12月7日',
      title: '小区雨水井堵塞积水',
      content: '雨水井长期堵塞，请求疏通。',
      instructions: '无',
      acceptBy: '2026年12月9日',
      handleBy: '自受理之日起六十日',
      emergency: '否',
    });
  });

  it('for a co-handler says 协办; once accepted, the handling deadline’s last day', () => {
    const vars = assignmentSheetVars({
      ...facts,
      role: AssignmentRole.CoHandler,
      coHandlerNames: [],
      instructions: '  请会同水务部门现场核查  ',
      handlingDue: new Date('2027-02-06T00:00:00+08:00'),
      channel: 'hotline',
      emergency: true,
    });
    expect(vars).toMatchObject({
      duty: '协办',
      coHandlers: '无',
      instructions: '请会同水务部门现场核查',
      handleBy: '2027年2月5日',
      channel: '12345热线',
      emergency: '是',
    });
  });

  it('states a track’s period before acceptance in Chinese numerals', () => {
    expect(periodFromAcceptance({ kind: 'working_days', limit: 10 })).toBe('自受理之日起十个工作日');
    expect(periodFromAcceptance({ kind: 'calendar_days', limit: 30 })).toBe('自受理之日起三十日');
    expect(periodFromAcceptance(null)).toBe('自受理之日起六十日');
    expect([1, 10, 15, 21, 60, 99, 100].map(chineseNumber)).toEqual(['一', '十', '十五', '二十一', '六十', '九十九', '100']);
  });

  it('renders a DOCX a parser opens, with the legal basis and the signature, the same bytes for the same inputs', async () => {
    const issuedAt = new Date('2026-12-07T11:00:00+08:00');
    const a = await renderDocument(currentTemplate('assignment_sheet'), assignmentSheetVars(facts), issuedAt);
    const b = await renderDocument(currentTemplate('assignment_sheet'), assignmentSheetVars(facts), issuedAt);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const text = await docxText(a.bytes);
    for (const expected of [
      '交办单',
      '440106-20261207-000001',
      '天河区人民政府',
      '广州市水务局',
      '2026年12月9日',
      '《信访工作条例》第二十二条第一款、第二十三条第三款',
      '五个工作日内提出异议',
    ]) {
      expect(text).toContain(expected);
    }
    expect(a.text).toContain('承办单位：天河区人民政府');
    expect(a.text).toContain('本单位职责：承办');
  });
});
