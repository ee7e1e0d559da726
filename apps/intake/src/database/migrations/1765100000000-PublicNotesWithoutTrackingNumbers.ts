import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The petitioner's timeline no longer names the petition a matter was linked to or refused for
 * (docs/window.md, Repeats): whoever holds a query code must not learn that another matter exists
 * nor its tracking number. Rewrites the notes already written, to the fixed texts publicNoteOf
 * writes from now on. Not reversible: the numbers are still in triage_target for staff.
 */
export class PublicNotesWithoutTrackingNumbers1765100000000 implements MigrationInterface {
  name = 'PublicNotesWithoutTrackingNumbers1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE petition_timeline SET public_note = $1 WHERE kind = 'linked_as_repeat' AND public_note IS DISTINCT FROM $1`, [
      '同一事项正在办理中，已并入原事项一并办理（《信访工作条例》第十九条）',
    ]);
    await q.query(`UPDATE petition_timeline SET public_note = $1 WHERE kind = 'refused' AND public_note IS DISTINCT FROM $1`, [
      '同一事项已办理终结，不再受理（《信访工作条例》第三十六条）',
    ]);
  }

  async down(): Promise<void> {
    // Nothing to undo that would be worth having: the old notes leaked another petition's number.
  }
}
