import { type MessageTemplate, placeholdersOf, renderTemplate } from './template';

const accepted: MessageTemplate = {
  id: 'petition.accepted',
  version: 2,
  text: '{name}您好：您的信访事项（编号{trackingNo}）已由{unit}受理。查询编号：{trackingNo}。{说明}',
};

describe('renderTemplate', () => {
  it('fills every placeholder, names the version, ignores extra vars and leaves other braces alone', () => {
    expect(renderTemplate(accepted, { name: '张先生', trackingNo: '440106-20261122-000001', unit: '区住建局', extra: 'x' })).toEqual({
      templateId: 'petition.accepted',
      templateVersion: 2,
      text: '张先生您好：您的信访事项（编号440106-20261122-000001）已由区住建局受理。查询编号：440106-20261122-000001。{说明}',
    });
  });

  it('inserts values as they are, without reading placeholders in them', () => {
    expect(renderTemplate({ id: 't', version: 1, text: '{a}-{b}' }, { a: '{b}', b: '$&' }).text).toBe('{b}-$&');
  });

  it('names every placeholder without a value, including ones Object.prototype would answer', () => {
    expect(() => renderTemplate(accepted, { name: '张先生' })).toThrow(
      'template petition.accepted v2 has no value for {trackingNo}, {unit}',
    );
    expect(() => renderTemplate({ id: 't', version: 1, text: '{constructor}' }, {})).toThrow(/\{constructor\}/);
  });
});

describe('placeholdersOf', () => {
  it('lists each placeholder once, in order of appearance', () => {
    expect(placeholdersOf(accepted)).toEqual(['name', 'trackingNo', 'unit']);
    expect(placeholdersOf({ id: 't', version: 1, text: '没有占位符' })).toEqual([]);
  });
});
