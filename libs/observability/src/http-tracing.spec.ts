import { redactPath, redactQuery } from './http-tracing';

describe('http tracing redaction', () => {
  it('keeps parameter names and drops every value', () => {
    expect(redactQuery('queryCode=K7M2Q9XP&fileName=%E7%85%A7%E7%89%87.jpg')).toBe('queryCode=REDACTED&fileName=REDACTED');
    expect(redactQuery('?reason=核实&reason=again')).toBe('reason=REDACTED');
    expect(redactPath('/api/public/petitions/440106-20261122-000001?queryCode=K7M2Q9XP')).toBe(
      '/api/public/petitions/440106-20261122-000001?queryCode=REDACTED',
    );
    expect(redactPath('/api/petitions')).toBe('/api/petitions');
  });
});
