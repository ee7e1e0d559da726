import { topicNameProblem } from './topic-name';

describe('topicNameProblem', () => {
  it.each(['petition.intake.v1', 'nest.sum.reply', 'a', 'A-b_c.9', 'x'.repeat(249)])('accepts %s', (name) => {
    expect(topicNameProblem(name)).toBeNull();
  });

  it.each(['', '.', '..', 'x'.repeat(250), '{"cmd":"sum"}', 'with space', 'slash/name', 'ümlaut'])('refuses %j', (name) => {
    expect(topicNameProblem(name)).not.toBeNull();
  });
});
