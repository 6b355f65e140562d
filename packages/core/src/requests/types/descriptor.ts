/**
 * What sets one type of data request apart from another, in one descriptor per type (one file
 * each, next to this one) listed in the registry (./index.ts). The commands, the partner portal,
 * evidence, the clock table and the console read these; none of them asks which type a request is.
 *
 * This folder imports nothing from outside it (no schema library, no other part of core):
 * descriptors are data and pure functions that return what they refuse rather than throw it, so the console reads
 * the same ones (`@taskforce/core/request-types`) without loading the domain.
 */

// The shapes the descriptors read and return of a request, written out here so that this folder
// imports nothing of the request record (which is built from it): the record's own types
// (request.ts, freezes/model.ts, takedowns/model.ts) are checked against them where they meet.

/** A freeze's terms as the request record keeps them. */
interface FreezeTermsShape {
  assets: { target: number; asset: string; amount: string }[];
  frozenAt?: string | undefined;
  renewals: number;
}
/** A takedown's count of items per status. */
interface TakedownCountsShape {
  pending: number;
  removed: number;
  restricted: number;
  not_found: number;
  refused: number;
}
/** What a descriptor reads of a request record. */
interface RequestShape {
  freeze?: FreezeTermsShape | undefined;
  takedown?: { total: number; counts: TakedownCountsShape } | undefined;
}
/** What a type adds to the partner's view of a request. */
interface PartnerViewExtras {
  freeze?: FreezeTermsShape;
  takedown?: { total: number; counts: TakedownCountsShape };
}
/** The statuses a per-target answer that hands something over may reach. */
type PerTargetOutcome = 'fulfilled' | 'partially_fulfilled' | 'frozen';

/** What the create checks see of a request's input. */
export interface CreateSubject {
  type: string;
  urgency: string;
  legalBasis: { code: string };
  selectors: readonly { type: string }[];
  assets?: readonly { target: number }[] | undefined;
  period?: { from: string; to: string } | undefined;
  certificate?: CertificateShape | undefined;
}

/**
 * What the descriptors read of an e-Evidence order's certificate (Regulation (EU) 2023/1543,
 * Annexes I and II): the record's own schema (../orders.ts) is checked against it where they meet.
 */
export interface CertificateShape {
  categories: readonly string[];
  issuingAuthority: { kind: string };
  /** Whether the person whose data are sought resides in the issuing State (Art. 8: notification). */
  personResidesInIssuingState: boolean;
  offence: { maxPenalty?: string | undefined };
  emergencyJustification?: string | undefined;
  userInformation: { delay: boolean; reason?: string | undefined };
  enforcingAuthority?: string | undefined;
  subsequentRequest?: string | undefined;
}

/** An order that needs validation: by an authority of one of these kinds (Art. 4). */
interface ValidationRule {
  validators: readonly string[];
}

/** What sets an e-Evidence order apart: its annex, and who must validate it. */
export interface OrderRules {
  /** The form: EPOC (Annex I) or EPOC-PR (Annex II). */
  form: 'EPOC' | 'EPOC-PR';
  annex: 'I' | 'II';
  /** Who must validate it before it is sent (Art. 4); undefined: the issuing authority may send it alone. */
  validation: (c: CertificateShape) => ValidationRule | undefined;
  /** The enforcing State is notified (Art. 8): the clock table gives it its objection window. */
  notifies: (c: CertificateShape) => boolean;
  /** The annex's sections, in its order, with the certificate fields each lays out. */
  sections: readonly { letter: string; id: string; fields: readonly string[] }[];
}

/** One refusal of an input, at the field it names. */
export interface CreateIssue {
  path: (string | number)[];
  message: string;
}

/** What the clock rows match on. */
interface ClockSubject {
  type: string;
  urgency: string;
  legalBasis: { code: string };
  certificate?: CertificateShape | undefined;
}

/**
 * A row of the table of legal clocks (../clocks.ts). A type lists the rows that may apply to its
 * requests, in the order they are tried; `when` says whether the row applies to one of them
 * (absent: always). A row shared by several types is the same object in each list.
 */
export interface ClockRow {
  id: string;
  summary: string;
  when?: (r: ClockSubject, type: RequestTypeDescriptor) => boolean;
  /** From sending (or from `startsWhen`) to the deadline. */
  period: string;
  /** Offsets before the deadline at which a reminder goes out. */
  reminders: readonly string[];
  /** Who is reminded: the partner who must answer, or the agency that must renew. */
  remind: 'provider' | 'requester';
  extension?: { by: string; times: number };
  objectionWindow?: string;
  /**
   * The status whose reaching starts this clock in place of the one the request was sent
   * with (an asset freeze's period starts when it is frozen); absent: the clock starts on sending.
   */
  startsWhen?: 'frozen';
}

/** A way of answering that a type does not take: why, and as which error. */
export interface Refused {
  refused: string;
  /** `invalid` names the field the caller got wrong; `conflict` says the request is not answered so. */
  error: 'invalid' | 'conflict';
}

/** The outcomes of a whole-request answer (POST …/respond). */
type WholeOutcome = 'preserved' | 'fulfilled' | 'partially_fulfilled' | 'cannot_comply';

export interface WholeAnswer {
  /** The outcomes it accepts. */
  outcomes: readonly WholeOutcome[];
  /** Why another outcome is refused (a 400 on `outcome`). */
  refusal: (outcome: WholeOutcome) => string;
}

export interface PerTargetAnswer {
  /** The decisions a target takes (the vocabulary of answers/model.ts). */
  decisions: readonly string[];
  /** The decision that hands something over (evidence is linked to targets answered so). */
  positive: string;
  /** The request's status when `given` of `of` targets got the positive decision (`given` > 0). */
  outcome: (given: number, of: number) => PerTargetOutcome;
}

export interface RequestTypeDescriptor<Id extends string = string> {
  id: Id;
  /** Urgent by nature: the input must say so, the emergency clock applies, the console fixes it. */
  urgency?: 'emergency';
  /**
   * Needs a second officer of the sending agency to co-sign it before it goes (a request that
   * skips a court order is the one a hijacked account sends): always, or when sent urgent.
   * Absent: one officer sends it.
   */
  cosign?: 'always' | 'when_urgent';
  /** The selector types it may target; absent: any. */
  selectors?: readonly string[];
  /** The private partners it goes to: their sectors (absent: any), and why another is refused. */
  partners: { sectors?: readonly string[]; outsideSectors?: (partner: string) => string };
  create: {
    /** An action of the permission table the caller needs besides `request.create`. */
    permission?: 'request.freeze';
    /** Checks of an input of this type (after the checks every request gets). */
    issues?: (v: CreateSubject) => CreateIssue[];
    /** What this type keeps to itself: checks of an input of any other type. */
    reserved?: (v: CreateSubject) => CreateIssue[];
    /** What the record carries for this type, from the input. */
    record?: (input: { assets?: FreezeTermsShape['assets'] | undefined }) => { freeze?: FreezeTermsShape };
  };
  /** The whole-request answer: how, or why not. */
  respond: WholeAnswer | Refused;
  /** The per-target answer (…/targets): how, or why not. */
  targets: PerTargetAnswer | Refused;
  /** Answered item by item (a takedown's items, stored apart): the item routes apply. */
  items?: true;
  /** Whether it takes evidence, or why not. */
  evidence: true | Refused;
  /** What the partner's view of the request adds for this type. */
  partnerView?: (r: RequestShape) => PartnerViewExtras;
  /** Its rows of the clock table, in the order they are tried. */
  clocks: readonly ClockRow[];
  /** An e-Evidence order (EPOC, EPOC-PR): its certificate's annex and validation rule. */
  order?: OrderRules;
  /** What the console's forms show for it. */
  form: {
    /** Offered on the new-request form (a takedown is raised on a screen of its own, with its items). */
    newRequest: boolean;
    /** The form asks what to freeze on each target. */
    assets?: true;
    /** Raised with a list of items (pasted or CSV) on the takedown screen. */
    items?: true;
    /** The new-request form sends this urgency. */
    urgency?: 'emergency';
  };
}

export const isRefused = <T extends object>(x: T | Refused): x is Refused => 'refused' in x;
