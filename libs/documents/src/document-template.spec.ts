import { type DocumentTemplate, placeholdersOf, templateProblems } from './document-template';

const assignment: DocumentTemplate = {
  id: 'petition.assignment-sheet',
  version: 1,
  title: '交办单',
  blocks: [
    { kind: 'title', text: '信访事项交办单' },
    { kind: 'docNumber', text: '编号：{trackingNo}' },
    {
      kind: 'fields',
      rows: [
        { label: '{unitLabel}', value: '{unitName}' },
        { label: '信访人', value: '{petitionerName}' },
      ],
    },
    { kind: 'paragraph', text: '请于{dueDate}前办结，{说明}不是占位符。' },
    { kind: 'signature', lines: ['{issuer}', '{issuedDate}'] },
    { kind: 'note', text: '抄送：{copyTo}；编号{trackingNo}' },
  ],
};

describe('templateProblems', () => {
  it('finds nothing wrong with a well-formed template', () => {
    expect(templateProblems(assignment)).toEqual([]);
  });

  it('catches an empty title, a version 0 and an unknown block kind', () => {
    const bad = { ...assignment, title: '  ', version: 0, blocks: [...assignment.blocks, { kind: 'heading', text: 'x' }] };
    expect(templateProblems(bad as unknown as DocumentTemplate)).toEqual([
      'version must be a positive integer (got 0)',
      'title must be a non-empty string',
      'blocks[6] has unknown kind "heading" (one of title, docNumber, addressee, paragraph, fields, signature, note)',
    ]);
  });

  it('catches every malformed block and field, and a template that is no template at all', () => {
    const bad = {
      id: '',
      version: 1.5,
      title: '交办单',
      blocks: [
        { kind: 'paragraph', text: '' },
        { kind: 'fields', rows: [] },
        { kind: 'fields', rows: [{ label: '', value: 'x' }, { label: '单位' }, 'row'] },
        { kind: 'signature', lines: ['签发人', ''] },
        { kind: 'note' },
        null,
        { text: 'no kind' },
      ],
    };
    expect(templateProblems(bad as unknown as DocumentTemplate)).toEqual([
      'id must be a non-empty string',
      'version must be a positive integer (got 1.5)',
      'blocks[0] (paragraph).text must be a non-empty string',
      'blocks[1] (fields).rows must be a non-empty array',
      'blocks[2] (fields).rows[0].label must be a non-empty string',
      'blocks[2] (fields).rows[1].value must be a string',
      'blocks[2] (fields).rows[2] must be an object',
      'blocks[3] (signature).lines must be a non-empty array of non-empty strings',
      'blocks[4] (note).text must be a non-empty string',
      'blocks[5] must be an object',
      'blocks[6] has unknown kind undefined (one of title, docNumber, addressee, paragraph, fields, signature, note)',
    ]);
    expect(templateProblems({ id: 'x', version: 1, title: 'x', blocks: [] })).toEqual(['blocks must be a non-empty array']);
    expect(templateProblems(null as unknown as DocumentTemplate)).toEqual(['template must be an object']);
    expect(templateProblems({ id: 'x', title: 'x' } as unknown as DocumentTemplate)).toEqual([
      'version must be a positive integer (got undefined)',
      'blocks must be a non-empty array',
    ]);
  });
});

describe('placeholdersOf', () => {
  it('lists each placeholder once, in document order, from labels, values, lines and text alike', () => {
    expect(placeholdersOf(assignment)).toEqual([
      'trackingNo',
      'unitLabel',
      'unitName',
      'petitionerName',
      'dueDate',
      'issuer',
      'issuedDate',
      'copyTo',
    ]);
  });

  it('includes the title, and finds none in a template without any', () => {
    expect(placeholdersOf({ id: 't', version: 1, title: '{unit}告知书', blocks: [{ kind: 'title', text: '告知书' }] })).toEqual(['unit']);
    expect(placeholdersOf({ id: 't', version: 1, title: '告知书', blocks: [{ kind: 'paragraph', text: '没有{占位符}' }] })).toEqual([]);
  });
});
