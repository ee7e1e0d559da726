import { STAGE_IDS } from './stage-id';
import { stageHolder } from './stage-holder';

describe('stageHolder', () => {
  it('holds units only to the steps their own staff record', () => {
    const byHolder = (holder: string) => STAGE_IDS.filter((s) => stageHolder(s) === holder).sort();
    expect(byHolder('unit')).toEqual(
      [
        'extension',
        'first_contact',
        'handling_fast',
        'handling_standard',
        'handling_suggestion',
        'supervision_order',
        'unit_accept',
        'unit_return',
      ].sort(),
    );
    // Recorded by the bureau's supervisors and clerks: delivery, callback (回访), appeal decisions, triage.
    expect(byHolder('bureau')).toEqual(['callback', 'reexam_decision', 'reply_delivery', 'review_decision', 'triage']);
    expect(byHolder('petitioner')).toEqual(['reexam_request', 'review_request']);
  });

  it('knows no holder for a name that is not a stage', () => {
    expect(stageHolder('lunch_break')).toBeNull();
    expect(stageHolder('toString')).toBeNull();
  });
});
