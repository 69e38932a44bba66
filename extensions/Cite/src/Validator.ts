/**
 * Validation of the attributes and content of <ref> and <references>
 * (Cite's Validator): which attributes are allowed, which combinations are
 * errors (the tag is replaced by the message) and which are warnings (the
 * message is attached to the reference in the list). The messages, their
 * order and their parameters follow MediaWiki, because the first message is
 * the one shown.
 */
import { CiteStatus } from './CiteStatus';

export interface RefArguments {
  group: string | null;
  name: string | null;
  follow: string | null;
  dir: string | null;
}

/** After validation the group is always known. */
export interface ValidRefArguments extends RefArguments {
  group: string;
}

export interface ReferencesArguments {
  group: string | null;
  /** null: the site default ($wgCiteResponsiveReferences). */
  responsive: boolean | null;
}

/**
 * The attributes <ref> accepts. `details` (sub-references) is left out, as
 * upstream does while $wgCiteSubReferencing is off (its default): it is then
 * reported as an unknown attribute.
 */
const REF_ARGUMENTS = ['group', 'name', 'follow', 'dir'] as const;
const REFERENCES_ARGUMENTS = ['group', 'responsive'] as const;

/** PHP's truthiness of a string attribute: '' and '0' are false. Cite relies on it ("0" is not a name). */
export function isTruthy(value: string | null | undefined): value is string {
  return value !== null && value !== undefined && value !== '' && value !== '0';
}

/** PHP's trim(): the whitespace it strips is narrower than String.prototype.trim's. */
export function phpTrim(text: string): string {
  return text.replace(/^[ \t\n\r\0\v]+|[ \t\n\r\0\v]+$/g, '');
}

function isDigits(value: string): boolean {
  return /^[0-9]+$/.test(value);
}

export class Validator {
  /**
   * @param inReferencesGroup Group of the <references> being read, or null
   *   outside one. '' is the default group, so null and '' differ.
   */
  constructor(private readonly inReferencesGroup: string | null) {}

  static filterRefArguments(argv: Readonly<Record<string, string>>): CiteStatus<RefArguments> {
    return filterArguments(argv, REF_ARGUMENTS) as CiteStatus<RefArguments>;
  }

  static filterReferenceListArguments(text: string | null, argv: Readonly<Record<string, string>>): CiteStatus<ReferencesArguments> {
    const filtered = filterArguments(argv, REFERENCES_ARGUMENTS);
    const { group, responsive } = filtered.value;
    const status = new CiteStatus<ReferencesArguments>({
      group,
      // Any value, even empty, switches it on; only "0" switches it off.
      responsive: responsive === null ? null : responsive !== '0',
    });
    status.merge(filtered);
    // A <references> inside <references> means a closing tag is missing.
    if (text && /<references\b/i.test(text)) status.fatal('cite_error_included_references');
    return status;
  }

  /**
   * Checks that can be made where the <ref> is: everything except what only
   * the end of the page can tell (a name that never gets content).
   */
  validateRef(text: string | null, argv: RefArguments): CiteStatus<ValidRefArguments> {
    const args: ValidRefArguments = { ...argv, group: argv.group ?? this.inReferencesGroup ?? '' };
    const status = new CiteStatus(args);
    const name = args.name ?? '';
    const follow = args.follow ?? '';

    // A numeric name could clash with the numbers given to unnamed references.
    if (isDigits(name)) {
      args.name = null;
      status.warning('cite_error_ref_numeric_key');
    } else if (isDigits(follow)) {
      status.fatal('cite_error_ref_numeric_key');
    }

    if (isTruthy(follow) && isTruthy(name)) status.fatal('cite_error_ref_follow_conflicts');

    if (args.dir !== null) {
      const lower = args.dir.toLowerCase();
      if (lower !== 'rtl' && lower !== 'ltr' && lower !== 'auto') {
        status.warning('cite_error_ref_invalid_dir', args.dir);
        args.dir = null;
      } else {
        args.dir = lower;
      }
    }

    status.merge(this.inReferencesGroup === null ? this.validateRefOutsideList(text, args) : this.validateRefInsideList(text, args));
    return status;
  }

  private validateRefOutsideList(text: string | null, args: ValidRefArguments): CiteStatus<null> {
    const status = new CiteStatus(null);
    if (!isTruthy(args.name)) {
      if (text === null) status.fatal('cite_error_ref_no_key');
      else if (phpTrim(text) === '') status.fatal('cite_error_ref_no_input');
    }
    // Another opening <ref> in the content (outside of tags that are closed
    // again, such as <nowiki>…</nowiki>, and comments) almost always means
    // a forgotten </ref> that swallowed the text up to the next one (T8199).
    if (text !== null) {
      const outsideTags = text.replace(/<(\w+)[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/g, '');
      if (/<ref(erences)?\b[^>]*>/i.test(outsideTags)) status.fatal('cite_error_included_ref');
    }
    return status;
  }

  private validateRefInsideList(text: string | null, args: ValidRefArguments): CiteStatus<null> {
    const status = new CiteStatus(null);
    const { group } = args;
    const name = args.name ?? '';
    if (group !== this.inReferencesGroup) {
      // The list decides the group of the references defined in it.
      args.group = this.inReferencesGroup ?? '';
      status.warning('cite_error_references_group_mismatch', group);
    }
    if (!isTruthy(name)) status.warning('cite_error_references_no_key');
    if (text === null || phpTrim(text) === '') status.fatal('cite_error_empty_references_define', name, group);
    return status;
  }

  /** Two uses of one name asking for different directions. */
  static validateDirAttribute(name: string | null, oldDir: string | null, newDir: string | null): CiteStatus<null> {
    const status = new CiteStatus(null);
    if (isTruthy(name) && oldDir && newDir && oldDir !== newDir) status.warning('cite_error_ref_conflicting_dir', name);
    return status;
  }

  /** A reference defined in <references> that nothing above the list uses. */
  validateListDefinedRefUsage(name: string | null, isKnownName: boolean): CiteStatus<null> {
    const status = new CiteStatus(null);
    if (this.inReferencesGroup !== null && isTruthy(name) && !isKnownName) status.warning('cite_error_references_missing_key', name);
    return status;
  }
}

/**
 * Every allowed attribute, null when absent; the first unknown one is
 * reported, with a suggestion when it looks like a misspelling.
 */
function filterArguments<K extends string>(argv: Readonly<Record<string, string>>, allowed: readonly K[]): CiteStatus<Record<K, string | null>> {
  const value = Object.fromEntries(allowed.map((key) => [key, (Object.hasOwn(argv, key) ? argv[key] : null) as string | null])) as Record<K, string | null>;
  const status = new CiteStatus(value);
  const unknown = Object.keys(argv).filter((key) => !(allowed as readonly string[]).includes(key));
  if (unknown.length > 0) {
    const bad = unknown[0];
    // <references> cannot have a name; that tells the two tags apart.
    const forReferenceList = !(allowed as readonly string[]).includes('name');
    const suggestion = closestMatch(bad, allowed);
    if (suggestion !== null && !forReferenceList) {
      status.warning('cite_error_ref_parameter_suggestion', bad, suggestion);
    } else {
      status.warning(forReferenceList ? 'cite_error_references_invalid_parameters' : 'cite_error_ref_too_many_keys', bad, [...allowed].sort().join(', '));
    }
  }
  return status;
}

/**
 * The allowed attribute nearest to a misspelt one by Levenshtein distance,
 * or null when even the best is less than half right.
 */
function closestMatch(bad: string, suggestions: readonly string[]): string | null {
  const input = phpTrim(bad).toLowerCase();
  // The longest attribute is "responsive"; comparing far longer input is pointless.
  if (input.length > 20) return null;
  let best = '';
  let bestDistance = 0;
  for (const suggestion of suggestions) {
    const distance = levenshtein(input, suggestion);
    if (distance <= 1) return suggestion;
    if (!best || distance < bestDistance) {
      best = suggestion;
      bestDistance = distance;
    }
  }
  return bestDistance <= best.length / 2 ? best : null;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_v, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
