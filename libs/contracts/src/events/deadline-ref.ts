import { IsBoolean, IsISO8601, IsString, Length } from 'class-validator';

/** A deadline fixed when its step started: the stage, the due instant and the rule set used. */
export class DeadlineRef {
  @IsString()
  @Length(1, 40)
  stage!: string;

  @IsISO8601({ strict: true })
  startedAt!: string;

  @IsISO8601({ strict: true })
  due!: string;

  @IsString()
  @Length(1, 60)
  ruleSet!: string;

  @IsBoolean()
  provisional!: boolean;
}
