import { csvCell, csvFile } from './csv-writer';

describe('the CSV writer', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点击")', `"'=HYPERLINK(""http://evil.example"",""点击"")"`],
    ["+1+cmd|' /C calc'!A0", `'+1+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises text a spreadsheet would run as a formula: %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('writes ordinary text, numbers (negative too), yes/no and empty cells as they are', () => {
    expect([csvCell('广州市城市管理局'), csvCell(-1.5), csvCell(0), csvCell(true), csvCell(null), csvCell('a,b')]).toEqual([
      '广州市城市管理局',
      '-1.5',
      '0',
      'true',
      '',
      '"a,b"',
    ]);
  });

  it('writes a UTF-8 file with a byte-order mark and CRLF line ends', () => {
    const file = csvFile([
      ['单位', 'score'],
      ['=1+1', 98.5],
    ]);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.subarray(3).toString('utf8')).toBe("单位,score\r\n'=1+1,98.5\r\n");
  });
});
