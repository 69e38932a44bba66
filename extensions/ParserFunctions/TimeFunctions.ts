/**
 * #time, #timel, #timef and #timefl (ParserFunctions::timeCommon and
 * friends): read a date with PHP's DateTime rules, check the year range and
 * format it with Language::sprintfDate.
 *
 * "Local" time is $wgLocaltimezone. The engine has no such setting, so local
 * time is UTC, which is also MediaWiki's default when neither it nor PHP's
 * default zone is set. Dates without a zone are read as UTC, as in MediaWiki.
 */
import { toBcp47, isValidLanguageCode } from '../../engine/i18n/LanguageFallback';
import type { RenderFrame } from '../../engine/parser/ParserHooks';
import { fieldsFromEpochSeconds } from './CivilCalendar';
import { DateNames, formatDate, UTC_ZONE } from './DateFormatter';
import { parseDateTime } from './DateTimeParser';
import type { MessageSource } from './Messages';
import { trimPhpWhitespace } from './PhpSemantics';

/** ParserFunctions::MAX_TIME_CHARS: format characters a page may use, about ten seconds of work. */
const MAX_TIME_CHARS = 6000;

/** Language::MONTH_MESSAGES and friends: the message keys of the names. */
const MONTH_MESSAGES = ['january', 'february', 'march', 'april', 'may_long', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_GENITIVE_MESSAGES = ['january-gen', 'february-gen', 'march-gen', 'april-gen', 'may-gen', 'june-gen', 'july-gen', 'august-gen', 'september-gen', 'october-gen', 'november-gen', 'december-gen'];
const MONTH_ABBREVIATED_MESSAGES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY_MESSAGES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_ABBREVIATED_MESSAGES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * English date formats (MessagesEn.php, the 'dmy' preference that is the
 * default without $wgAmericanDates), used by #timef for every language: the
 * other languages' formats are not available here.
 */
const DATE_FORMATS: Readonly<Record<string, string>> = {
  time: 'H:i',
  date: 'j F Y',
  both: 'H:i, j F Y',
  pretty: 'j F',
};

/** Per render: format characters used so far and results already computed (ParserFunctions' limit and mTimeCache). */
interface TimeRenderState {
  formatCharacters: number;
  cache: Map<string, string>;
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** LanguageNameUtils::isKnownLanguageTag(): a well-formed code with a known name. */
function isKnownLanguageTag(code: string): boolean {
  if (!isValidLanguageCode(code)) return false;
  let names = displayNames.get('en');
  if (!names) {
    names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    displayNames.set('en', names);
  }
  try {
    return names.of(toBcp47(code)) !== undefined;
  } catch {
    return false;
  }
}

export class TimeFunctions {
  constructor(private readonly messages: MessageSource) {}

  private error(key: string, language: string): string {
    return `<strong class="error">${this.messages.escaped(key, language)}</strong>`;
  }

  private names(language: string): DateNames {
    const text = (key: string) => this.messages.text(key, language);
    return {
      monthName: (month) => text(MONTH_MESSAGES[month - 1]),
      monthGenitive: (month) => text(MONTH_GENITIVE_MESSAGES[month - 1]),
      monthAbbreviation: (month) => text(MONTH_ABBREVIATED_MESSAGES[month - 1]),
      weekdayName: (weekday) => text(WEEKDAY_MESSAGES[weekday]),
      weekdayAbbreviation: (weekday) => text(WEEKDAY_ABBREVIATED_MESSAGES[weekday]),
    };
  }

  /** ParserFunctions::normalizeLangCode(): the given language if known, else the page's. */
  private languageFor(code: string, frame: RenderFrame): string {
    return code !== '' && isKnownLanguageTag(code) ? code : frame.language;
  }

  /** {{#time: format | date/time | language | local }} */
  time(args: readonly string[], frame: RenderFrame): string {
    const [format, date, language, local] = args.map(trimPhpWhitespace);
    // PHP's truthiness: an empty or "0" fourth argument means UTC.
    return this.timeCommon(format ?? '', date ?? '', language ?? '', local !== undefined && local !== '' && local !== '0', frame);
  }

  /** {{#timel: format | date/time | language }}: #time in local time. */
  timel(args: readonly string[], frame: RenderFrame): string {
    const [format, date, language] = args.map(trimPhpWhitespace);
    return this.timeCommon(format ?? '', date ?? '', language ?? '', true, frame);
  }

  /** {{#timef: date/time | time, date, both or pretty | language }}: the language's own date format. */
  timef(args: readonly string[], frame: RenderFrame): string {
    return this.timefCommon(args, false, frame);
  }

  /** {{#timefl: … }}: #timef in local time. */
  timefl(args: readonly string[], frame: RenderFrame): string {
    return this.timefCommon(args, true, frame);
  }

  private timefCommon(args: readonly string[], local: boolean, frame: RenderFrame): string {
    const [date, inputType, language] = args.map(trimPhpWhitespace);
    const type = inputType === undefined || inputType === '' ? 'both' : inputType.toLowerCase();
    if (!Object.hasOwn(DATE_FORMATS, type)) return this.error('pfunc_timef_bad_format', frame.language);
    const languageCode = this.languageFor(language ?? '', frame);
    return this.timeCommon(DATE_FORMATS[type], date ?? '', languageCode, local, frame);
  }

  private timeCommon(format: string, date: string, language: string, local: boolean, frame: RenderFrame): string {
    const state = frame.getExtensionData<TimeRenderState>('ParserFunctions.time', () => ({ formatCharacters: 0, cache: new Map() }));
    // An empty date is the render's clock, cached under that instant.
    const nowSeconds = Math.floor(frame.now.getTime() / 1000);
    const cacheKey = JSON.stringify([format, date === '' ? `@${nowSeconds}` : date, language, local]);
    const cached = state.cache.get(cacheKey);
    if (cached !== undefined) return cached;

    let epochSeconds: number;
    if (date === '') {
      epochSeconds = nowSeconds;
    } else {
      // DateTime would read a bare "2001" as the time 20:01; MediaWiki makes it a year.
      const parsed = parseDateTime(/^[0-9]{4}$/.test(date) ? `00:00 ${date}` : date, frame.now);
      if (parsed === null) {
        const result = this.error('pfunc_time_error', frame.language);
        state.cache.set(cacheKey, result);
        return result;
      }
      epochSeconds = parsed.epochSeconds;
    }

    state.formatCharacters += Buffer.byteLength(format, 'utf8');
    if (state.formatCharacters > MAX_TIME_CHARS) return this.error('pfunc_time_too_long', frame.language);

    // Local time ($wgLocaltimezone) and UTC are the same zone here, see the file comment.
    const zone = UTC_ZONE;
    const fields = fieldsFromEpochSeconds(epochSeconds + zone.offsetSeconds);
    // Language::sprintfDate handles years 0–9999 only.
    if (fields.year < 0) return this.error('pfunc_time_too_small', frame.language);
    if (fields.year > 9999) return this.error('pfunc_time_too_big', frame.language);

    const result = formatDate(format, fields, this.names(this.languageFor(language, frame)), zone);
    state.cache.set(cacheKey, result);
    return result;
  }
}
