// The registration form's values, and how they become `POST /api/petitions` (intake's
// RegisterPetitionDto) and how the API's field paths find their form fields again.
import type { Dayjs } from 'dayjs';
import type { components } from '../../api/generated/intake';
import { toApiDate } from '../../time/format';

export type RegisterBody = components['schemas']['RegisterPetitionDto'];
export type RegistrationPreview = components['schemas']['RegistrationPreviewView'];
export type Registration = components['schemas']['RegistrationView'];

/** The channels a clerk registers at the window (online and hotline arrive by their own routes). */
export type WindowChannel = 'visit' | 'letter' | 'call';
export type Route = NonNullable<RegisterBody['route']>;
export type Nature = NonNullable<RegisterBody['nature']>;

export interface RepresentativeValues {
  name?: string;
  idNumber?: string;
  phone?: string;
}

export interface RegistrationValues {
  channel: WindowChannel;
  letter?: { receivedDate?: Dayjs | null; postmark?: string };
  call?: { callerNumber?: string };
  anonymous?: boolean;
  petitionerName?: string;
  petitionerIdNumber?: string;
  petitionerPhone?: string;
  petitionerAddress?: string;
  headcount?: number | null;
  representatives?: RepresentativeValues[];
  title?: string;
  content?: string;
  categoryCode?: string;
  regionCode?: string;
  nature?: Nature;
  accusedUnitId?: string;
  emergency?: boolean;
  route?: Route;
  answer?: string;
}

export const INITIAL_VALUES: RegistrationValues = {
  channel: 'visit',
  anonymous: false,
  headcount: 1,
  nature: 'claim',
  emergency: false,
  route: 'dispatch',
};

/** Collective petitions (5 people or more) name 1 to 5 representatives (条例 Art. 20). */
export const REPRESENTATIVES_FROM = 5;

const text = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

/**
 * The request body: blanks left out, the channel's own details only, a name only when not
 * anonymous, representatives only for a collective petition, an answer only when answering on the spot.
 */
export function toRegisterBody(v: RegistrationValues): RegisterBody {
  const headcount = v.headcount ?? 1;
  const body: Partial<RegisterBody> & Pick<RegisterBody, 'channel'> = {
    channel: v.channel,
    anonymous: v.anonymous ?? false,
    petitionerName: v.anonymous ? undefined : text(v.petitionerName),
    petitionerIdNumber: text(v.petitionerIdNumber)?.toUpperCase(),
    petitionerPhone: text(v.petitionerPhone),
    petitionerAddress: text(v.petitionerAddress),
    title: text(v.title),
    content: text(v.content),
    categoryCode: v.categoryCode,
    regionCode: v.regionCode,
    nature: v.nature,
    accusedUnitId: v.nature === 'accusation' ? v.accusedUnitId : undefined,
    headcount,
    representatives:
      headcount >= REPRESENTATIVES_FROM
        ? (v.representatives ?? []).map((r) => ({
            name: text(r.name) ?? '',
            idNumber: text(r.idNumber)?.toUpperCase(),
            phone: text(r.phone),
          }))
        : undefined,
    emergency: v.emergency ?? false,
    route: v.route ?? 'dispatch',
    answer: v.route === 'answer_on_the_spot' ? text(v.answer) : undefined,
  };
  if (v.channel === 'letter' && v.letter?.receivedDate) {
    body.letter = { receivedDate: toApiDate(v.letter.receivedDate), postmark: text(v.letter.postmark) };
  }
  if (v.channel === 'call' && text(v.call?.callerNumber)) body.call = { callerNumber: text(v.call?.callerNumber) as string };
  // The OpenAPI document marks petitionerName required, but intake accepts an anonymous petition without it.
  return JSON.parse(JSON.stringify(body)) as RegisterBody;
}

const TOP_LEVEL = new Set([
  'channel',
  'anonymous',
  'petitionerName',
  'petitionerIdNumber',
  'petitionerPhone',
  'petitionerAddress',
  'headcount',
  'representatives',
  'title',
  'content',
  'categoryCode',
  'regionCode',
  'nature',
  'accusedUnitId',
  'emergency',
  'route',
  'answer',
]);
const NESTED = new Set(['letter.receivedDate', 'letter.postmark', 'call.callerNumber']);
const REPRESENTATIVE_FIELDS = new Set(['name', 'idNumber', 'phone']);
/** Reasons about a whole object shown on its main field. */
const ALIASES: Record<string, string> = { letter: 'letter.receivedDate', call: 'call.callerNumber', receivedAt: 'letter.receivedDate' };

/** The form field an API field path (`letter.receivedDate`, `representatives.0.name`) belongs to, or null. */
export function formFieldOf(apiField: string): Array<string | number> | null {
  const field = ALIASES[apiField] ?? apiField;
  if (TOP_LEVEL.has(field) || NESTED.has(field)) return field.split('.');
  const rep = /^representatives\.(\d+)\.(\w+)$/.exec(field);
  if (rep && REPRESENTATIVE_FIELDS.has(rep[2])) return ['representatives', Number(rep[1]), rep[2]];
  return null;
}
