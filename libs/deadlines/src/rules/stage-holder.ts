import { STAGE_CATALOGUE, type StageHolder } from './stage-catalogue.data';

/** Whose step `stage` is (see {@link StageHolder}); null for a name that is not a stage. */
export function stageHolder(stage: string): StageHolder | null {
  return Object.prototype.hasOwnProperty.call(STAGE_CATALOGUE, stage)
    ? STAGE_CATALOGUE[stage as keyof typeof STAGE_CATALOGUE].heldBy
    : null;
}
