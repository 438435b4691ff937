import { z } from 'zod';
import {
  ColorSchema,
  CurrencySchema,
  DateSchema,
  EmailSchema,
  IdSchema,
  LocaleSchema,
  MoneySchema,
  MonthSchema,
  refsTo,
  refTo,
  TextSchema,
  TimeSchema,
} from './primitives.js';

const title = (what: string) =>
  TextSchema.describe(`Short title of the ${what}, as it appears in headings and tables.`);
const description = (what: string) => TextSchema.optional().describe(`Longer description of the ${what}.`);

/** Where and when the session took place and what it was asked to solve. */
export const SessionInfoSchema = z
  .strictObject({
    title: TextSchema.describe('Name of the session, e.g. "Annual strategy session 2027".'),
    organisation: TextSchema.describe('The organisation (company, city, branch) the session worked for.'),
    date: DateSchema.describe('First day of the session. Documents take their date from here, never from the clock.'),
    endDate: DateSchema.optional().describe('Last day of a multi-day session; not before `date`.'),
    place: TextSchema.optional().describe('Venue or city.'),
    facilitator: TextSchema.optional().describe('Who facilitated the session (a name, or the id of a person).'),
    locale: LocaleSchema.default('en'),
    currency: CurrencySchema.optional().describe(
      'Default currency of every amount of money; required as soon as an amount has no currency of its own.',
    ),
    timezone: z
      .string()
      .default('UTC')
      .describe('IANA time zone of the session and its follow-up events, e.g. Europe/Kyiv.'),
    request: TextSchema.optional().describe(
      'What the session was asked to solve: the request from the owner or leadership. A session without one drifts.',
    ),
    holidays: z
      .array(DateSchema)
      .default([])
      .describe('Public holidays skipped when counting working days for the follow-up cadence.'),
    logo: z.string().optional().describe('Path to a PNG or JPEG logo for covers, relative to the session file.'),
  })
  .describe('Where and when the session took place and what it was asked to solve.');

/** The vision every goal ultimately serves. */
export const VisionSchema = z
  .strictObject({
    title: TextSchema.describe('The vision in a few words, as on the poster.'),
    statement: TextSchema.describe('The vision statement: where the organisation is going.'),
    horizon: z
      .union([z.number().int().min(1900).max(2300), DateSchema])
      .optional()
      .describe('The year or date the vision aims at.'),
    directions: z
      .array(
        z.strictObject({
          id: IdSchema,
          title: title('direction'),
          description: description('direction'),
          sphere: refTo('the sphere this direction belongs to').optional(),
        }),
      )
      .default([])
      .describe('Strategic directions of the vision, e.g. four per sphere for a city vision.'),
  })
  .describe('The vision every goal ultimately serves.');

/** A sphere of an open session (governance, economy, …). */
export const SphereSchema = z
  .strictObject({
    id: IdSchema,
    name: TextSchema.describe('Name of the sphere.'),
    description: description('sphere'),
  })
  .describe('A sphere of an open session; participants, SWOT items and vision directions belong to one.');

/** An organisational unit: department, site, team or sphere. */
export const UnitSchema = z
  .strictObject({
    id: IdSchema,
    name: TextSchema.describe('Name of the unit.'),
    kind: z
      .enum(['company', 'division', 'department', 'site', 'team', 'sphere', 'other'])
      .default('department')
      .describe('What sort of unit this is.'),
    parent: refTo('the parent unit').optional(),
    head: refTo('the person who heads the unit').optional(),
    sphere: refTo('the sphere this unit works in (for working groups of an open session)').optional(),
    description: description('unit'),
  })
  .describe('An organisational unit: department, site, team or sphere. Each unit should see its line of sight.');

/** A person: participant, owner, decider. */
export const PersonSchema = z
  .strictObject({
    id: IdSchema,
    name: TextSchema.describe('Full name.'),
    role: TextSchema.optional().describe('Job title or role in the session.'),
    unit: refTo('the unit this person works in').optional(),
    reportsTo: refTo('the person this person reports to').optional(),
    email: EmailSchema.optional(),
  })
  .describe('A person who owns, decides, is consulted or informed.');

/** A goal: strategic or operational, in a tree below the vision. */
export const GoalSchema = z
  .strictObject({
    id: IdSchema,
    title: title('goal'),
    description: description('goal'),
    level: z
      .enum(['strategic', 'operational'])
      .default('strategic')
      .describe('Strategic goals serve the vision directly; operational goals serve a parent goal.'),
    parent: refTo('the goal this goal breaks down').optional(),
    leadsTo: refsTo('goals this goal causes (cause → effect links on the strategy map)'),
    perspective: z
      .enum(['financial', 'customer', 'process', 'people', 'safety', 'community'])
      .optional()
      .describe('Strategy-map perspective (row) of this goal.'),
    owner: refTo('the person accountable for the goal').optional(),
  })
  .describe('A goal. Strategic goals sit under the vision; operational goals under a parent goal.');

/** A strategic priority: one of the 2–3 things that matter most. */
export const PrioritySchema = z
  .strictObject({
    id: IdSchema,
    title: title('priority'),
    description: description('priority'),
    critical: z
      .boolean()
      .default(true)
      .describe('Whether this is one of the 2–3 critical priorities. Others are kept for the record.'),
    rank: z.number().int().min(1).optional().describe('Order of importance, 1 first.'),
    goals: refsTo('goals this priority pursues'),
    owner: refTo('the person accountable for the priority').optional(),
  })
  .describe('A strategic priority. Focus on 2–3 critical ones out of the many proposed.');

const OptionSchema = z
  .strictObject({
    title: TextSchema.describe('The option.'),
    description: TextSchema.optional().describe('What the option would have meant.'),
    chosen: z.boolean().default(false).describe('Whether this is the option that was decided.'),
    rejectedBecause: TextSchema.optional().describe('Why the option was rejected.'),
  })
  .describe('An option that was considered.');

const CostSchema = z
  .strictObject({
    title: TextSchema.describe('What the cost is for.'),
    amount: MoneySchema,
    kind: z.enum(['capex', 'opex', 'one-off']).default('one-off').describe('Capital, operating or one-off cost.'),
    per: z.enum(['once', 'month', 'quarter', 'year']).default('once').describe('How often the amount falls due.'),
  })
  .describe('A cost of the decision.');

const BenefitSchema = z
  .strictObject({
    title: TextSchema.describe('What the benefit is.'),
    amount: MoneySchema.optional(),
    per: z.enum(['once', 'month', 'quarter', 'year']).default('year').describe('How often the benefit accrues.'),
    note: TextSchema.optional().describe('A non-monetary benefit or how the figure was estimated.'),
  })
  .describe('A benefit of the decision.');

/** The economic justification of a decision. */
export const EconomicsSchema = z
  .strictObject({
    costs: z.array(CostSchema).default([]).describe('What the decision costs.'),
    benefits: z.array(BenefitSchema).default([]).describe('What the decision brings.'),
    paybackMonths: z.number().min(0).optional().describe('Months until the benefits repay the costs.'),
    fundingSource: TextSchema.optional().describe('Where the money comes from (budget line, loan, grant…).'),
    summary: TextSchema.optional().describe('The economic argument in one or two sentences.'),
  })
  .describe('The economic justification: costs, benefits, payback and funding.');

/** A decision: what was decided and why. */
export const DecisionSchema = z
  .strictObject({
    id: IdSchema,
    title: title('decision'),
    statement: TextSchema.optional().describe('What was decided, in one or two sentences. Not the discussion.'),
    rationale: TextSchema.optional().describe('Why: the reasons that carried the decision.'),
    economic: z
      .boolean()
      .default(false)
      .describe('Whether the decision commits money; such decisions need figures in `economics`.'),
    economics: EconomicsSchema.optional(),
    options: z.array(OptionSchema).default([]).describe('Options considered, including the rejected ones.'),
    deciders: refsTo('people who took the decision'),
    consulted: refsTo('people who were consulted'),
    informed: refsTo('people or units to be informed'),
    date: DateSchema.optional().describe('When it was decided; defaults to the session date.'),
    status: z
      .enum(['proposed', 'approved', 'rejected', 'superseded'])
      .default('approved')
      .describe('Where the decision stands.'),
    supersedes: refTo('the earlier decision this one replaces').optional(),
    goals: refsTo('goals the decision serves'),
    initiatives: refsTo('initiatives the decision launches or changes'),
  })
  .describe('A decision: what was decided and why, with its economics and who decided.');

/** An initiative: a project that moves one or more goals. */
export const InitiativeSchema = z
  .strictObject({
    id: IdSchema,
    title: title('initiative'),
    description: description('initiative'),
    goals: refsTo('goals this initiative serves'),
    priority: refTo('the priority this initiative belongs to').optional(),
    owner: refTo('the one person accountable for the initiative; exactly one — others go to `team`').optional(),
    accountableTo: refTo(
      'the person the owner answers to for this initiative; defaults to the owner’s manager',
    ).optional(),
    team: refsTo('people working on the initiative'),
    units: refsTo('units that carry out or are affected by the initiative'),
    start: DateSchema.optional().describe('Planned start.'),
    due: DateSchema.optional().describe('Planned finish.'),
    dependsOn: refsTo('initiatives that must be finished before this one can be finished'),
    status: z
      .enum(['proposed', 'planned', 'in-progress', 'on-hold', 'done', 'cancelled'])
      .default('planned')
      .describe('Where the initiative stands.'),
    impact: z.number().int().min(1).max(5).optional().describe('Expected impact, 1 (low) to 5 (high).'),
    feasibility: z.number().int().min(1).max(5).optional().describe('Feasibility, 1 (hard) to 5 (easy).'),
  })
  .describe(
    'An initiative: a project that moves goals. Its resources, control points, risks and actions point to it by id.',
  );

/** A resource an initiative needs: budget, specialists, equipment. */
export const ResourceSchema = z
  .strictObject({
    id: IdSchema,
    title: title('resource'),
    kind: z.enum(['budget', 'specialists', 'equipment', 'other']).describe('Budget, specialists, equipment or other.'),
    initiative: refTo('the initiative that needs the resource'),
    quantity: z.number().min(0).optional().describe('How much is needed, in `unit`.'),
    unit: TextSchema.optional().describe('Unit of the quantity: FTE, pcs, days, licences…'),
    cost: MoneySchema.optional(),
    neededBy: DateSchema.optional().describe('Date by which the resource must be available.'),
    neededFirst: z
      .boolean()
      .default(false)
      .describe('Whether this resource is needed first, before the initiative can start.'),
    schedule: z
      .array(
        z.strictObject({
          month: MonthSchema,
          amount: z.number().min(0).describe('Part of the cost falling due that month, in the cost’s currency.'),
        }),
      )
      .default([])
      .describe('How the cost is spread over months; without it the cost falls in the month of `neededBy`.'),
    owner: refTo('the person who secures the resource').optional(),
    note: TextSchema.optional().describe('Anything finance or production should know.'),
  })
  .describe('A resource an initiative needs. Finance and production plan from these.');

const MeasurementSchema = z
  .strictObject({
    asOf: DateSchema.describe('Date the value was measured.'),
    actual: z.number().finite().describe('The measured value, in the control point’s unit (1 = done for a milestone).'),
    comment: TextSchema.optional().describe('What explains the value.'),
  })
  .describe('A measured value of a control point.');

const CountermeasureSchema = z
  .strictObject({
    id: IdSchema.optional(),
    title: TextSchema.describe('What will be done to get back on track.'),
    owner: refTo('the person who carries out the countermeasure').optional(),
    due: DateSchema.optional().describe('When it will be done.'),
    status: z.enum(['open', 'in-progress', 'done']).default('open').describe('Where it stands.'),
  })
  .describe('A countermeasure for a control point that is off track.');

/** A control point: a KPI or a milestone with thresholds and measurements. */
export const ControlPointSchema = z
  .strictObject({
    id: IdSchema,
    title: title('control point'),
    kind: z
      .enum(['kpi', 'milestone'])
      .describe('A KPI (a number with a target) or a milestone (done or not by a date).'),
    initiative: refTo('the initiative this control point tracks').optional(),
    goal: refTo('the goal this control point measures').optional(),
    owner: refTo('the person who reports the value').optional(),
    units: refsTo('organisational units this value is measured for (a site’s own figure on its poster)'),
    unit: TextSchema.optional().describe('Unit of measure: %, incidents, days, EUR…'),
    baseline: z.number().finite().optional().describe('Value at the start.'),
    target: z.number().finite().optional().describe('Value to reach by `due`.'),
    polarity: z
      .enum(['higher-is-better', 'lower-is-better'])
      .optional()
      .describe('Whether a higher or a lower value is better.'),
    due: DateSchema.optional().describe('Date by which the target is to be reached or the milestone done.'),
    frequency: z
      .enum(['weekly', 'monthly', 'quarterly', 'yearly', 'once'])
      .optional()
      .describe('How often the value is measured.'),
    thresholds: z
      .strictObject({
        green: z.number().finite().describe('Green from this value on (in the better direction).'),
        amber: z.number().finite().describe('Amber from this value on; worse than this is red.'),
        basis: z
          .enum(['value', 'plan'])
          .default('value')
          .describe(
            'value: thresholds are values of the KPI. plan: thresholds are percentages of the month’s planned value reached (e.g. green 100, amber 90), for KPIs whose plan moves month by month.',
          ),
      })
      .optional()
      .describe(
        'RAG thresholds, read in the direction of `polarity`: on the value itself, or on attainment of the monthly plan.',
      ),
    plan: z
      .array(
        z.strictObject({ month: MonthSchema, value: z.number().finite().describe('Planned value for the month.') }),
      )
      .default([])
      .describe('Month-by-month planned values (for the plan-vs-actual chart).'),
    dataSource: TextSchema.optional().describe('Where the value comes from: system, report, register.'),
    measurements: z.array(MeasurementSchema).default([]).describe('Measured values, any order.'),
    countermeasures: z.array(CountermeasureSchema).default([]).describe('What is done when it goes red.'),
  })
  .describe('A control point: a KPI or milestone with baseline, target, thresholds and measurements.');

/** An action: a task with an owner and a date. */
export const ActionSchema = z
  .strictObject({
    id: IdSchema,
    title: title('action'),
    owner: refTo('the person who does it').optional(),
    due: DateSchema.optional().describe('When it is due.'),
    initiative: refTo('the initiative it belongs to').optional(),
    status: z
      .enum(['open', 'in-progress', 'done', 'blocked', 'cancelled'])
      .default('open')
      .describe('Where it stands.'),
  })
  .describe('An action item from the session.');

/** A risk to an initiative or to the strategy. */
export const RiskSchema = z
  .strictObject({
    id: IdSchema,
    title: title('risk'),
    probability: z.number().int().min(1).max(5).describe('Probability, 1 (rare) to 5 (almost certain).'),
    impact: z.number().int().min(1).max(5).describe('Impact, 1 (minor) to 5 (severe).'),
    mitigation: TextSchema.optional().describe('What reduces the probability or the impact.'),
    owner: refTo('the person who watches the risk').optional(),
    initiative: refTo('the initiative at risk').optional(),
  })
  .describe('A risk with probability, impact and mitigation.');

/** An operational question set aside during the session. */
export const ParkingItemSchema = z
  .strictObject({
    id: IdSchema,
    title: title('question'),
    description: description('question'),
    owner: refTo('the person who takes the question forward').optional(),
    raisedBy: refTo('the person who raised it').optional(),
    forum: TextSchema.optional().describe('Where it will be handled instead, e.g. the weekly operations meeting.'),
    due: DateSchema.optional().describe('When it should be answered.'),
    status: z.enum(['open', 'answered', 'dropped']).default('open').describe('Whether the question has been answered.'),
  })
  .describe('An operational question set aside (parking lot) so the session keeps to strategy.');

/** A SWOT item produced by a group. */
export const SwotItemSchema = z
  .strictObject({
    id: IdSchema,
    sphere: refTo('the sphere the item belongs to'),
    component: z
      .enum(['strengths', 'weaknesses', 'opportunities', 'threats'])
      .describe('Which SWOT component the item belongs to.'),
    title: title('SWOT item'),
    description: description('SWOT item'),
    group: TextSchema.optional().describe('Which group produced the item (e.g. a profile group id).'),
    votes: z.number().int().min(0).optional().describe('Votes it got in the agreement round.'),
  })
  .describe('A SWOT item: one strength, weakness, opportunity or threat within a sphere.');

/** A TOWS strategy built from SWOT items. */
export const TowsStrategySchema = z
  .strictObject({
    id: IdSchema,
    kind: z.enum(['SO', 'ST', 'WO', 'WT']).describe('SO: use strengths for opportunities; ST, WO, WT likewise.'),
    title: title('strategy'),
    description: description('strategy'),
    cites: z
      .array(IdSchema)
      .min(1, 'a TOWS strategy cites at least one SWOT item')
      .describe('Ids of SWOT items it builds on.'),
    goals: refsTo('goals it leads to'),
  })
  .describe('A TOWS strategy that cites the SWOT items it builds on.');

/** A participant of an open (dynamic-network) session. */
export const ParticipantSchema = z
  .strictObject({
    id: IdSchema,
    name: TextSchema.describe('Full name as printed on the personal protocol.'),
    sphere: refTo('the sphere the participant works in; assigned automatically when missing').optional(),
    affiliation: TextSchema.optional().describe('Organisation, party or community the participant comes from.'),
    core: z
      .boolean()
      .default(false)
      .describe('Whether the participant is a core (e.g. party) member who anchors a group.'),
    preferences: refsTo('spheres the participant prefers, best first'),
    person: refTo('the matching person, when the participant is also in `people`').optional(),
    email: EmailSchema.optional(),
  })
  .describe('A participant of an open session, with sphere and affiliation for group assignment.');

/** Something a participant prepares and brings to an agenda block. */
export const PreparationItemSchema = z
  .strictObject({
    title: TextSchema.describe('What to bring, e.g. "Customer feedback from the Q3 renewal calls".'),
    kind: z
      .enum(['goals', 'kpis', 'progress', 'unit-data', 'feedback', 'other'])
      .default('other')
      .describe(
        'Goals, KPI values, a progress report, data of a unit, stakeholder or customer feedback, or anything else.',
      ),
    owner: refTo('the person who prepares it; without one, every participant does').optional(),
  })
  .describe('Something a participant prepares and brings to an agenda block.');

/** A block of the session agenda. */
export const AgendaBlockSchema = z
  .strictObject({
    id: IdSchema,
    title: title('agenda block'),
    start: TimeSchema.optional().describe('Start time; defaults to the end of the previous block.'),
    duration: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .describe('Duration in minutes.'),
    day: DateSchema.optional().describe('Day of a multi-day session; defaults to the session date.'),
    kind: z
      .enum([
        'welcome',
        'review',
        'ideas',
        'prioritisation',
        'decisions',
        'task-setting',
        'profile-groups',
        'cross-groups',
        'agreement-groups',
        'final-agreement',
        'reports',
        'break',
        'other',
      ])
      .default('other')
      .describe('What happens in the block; the dynamic-network steps have their own kinds.'),
    objective: TextSchema.optional().describe('What the block must produce.'),
    lead: TextSchema.optional().describe('Who leads the block.'),
    preparation: z
      .array(PreparationItemSchema)
      .default([])
      .describe(
        'What participants bring to this block beyond what the agenda derives from the session (goals, KPIs, progress of initiatives, unit data), e.g. customer feedback.',
      ),
  })
  .describe('A timed block of the session agenda.');

/** Options of the one-page poster. */
export const PosterSchema = z
  .strictObject({
    size: z.enum(['A4', 'A3', 'A2']).default('A3').describe('Paper size.'),
    orientation: z.enum(['landscape', 'portrait']).default('landscape').describe('Orientation.'),
    perUnit: z.boolean().default(false).describe('Also make one poster per unit showing its own line of sight.'),
    tagline: TextSchema.optional().describe('A line under the vision.'),
    keyNumbers: refsTo('control points whose targets are shown as key numbers'),
  })
  .describe('Options of the one-page poster.');

const WeekdaySchema = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** The follow-up cadence after the session. */
export const FollowUpSchema = z
  .strictObject({
    dispatch: DateSchema.optional().describe('When the pack goes out; defaults to the next working day.'),
    kickoffWithinDays: z
      .number()
      .int()
      .min(1)
      .max(30)
      .default(5)
      .describe('Working days within which each initiative holds its kick-off meeting.'),
    weekly: z
      .strictObject({
        day: WeekdaySchema.default('monday').describe('Day of the weekly top-management meeting.'),
        time: TimeSchema.default('09:00'),
        forum: TextSchema.optional().describe('Name of the meeting that carries the standing item.'),
      })
      .optional()
      .describe('The standing item on initiative progress in the weekly meeting.'),
    monthly: z
      .strictObject({
        week: z
          .union([z.number().int().min(1).max(4), z.literal('last')])
          .default(1)
          .describe('Week of the month.'),
        day: WeekdaySchema.default('friday').describe('Day of the week.'),
        time: TimeSchema.default('10:00'),
      })
      .optional()
      .describe('The short monthly review: what is done, what went wrong, adjust goals?'),
    recipients: refsTo('people and units the pack goes to besides the participants'),
  })
  .describe('The follow-up cadence: dispatch, kick-offs, weekly item, monthly review.');

/** Visual options of the documents. */
export const ThemeSchema = z
  .strictObject({
    fontFamily: TextSchema.optional().describe('Font family for all documents; the built-in family covers Cyrillic.'),
    fontFiles: z
      .strictObject({
        regular: TextSchema.describe('TTF or OTF file of the regular style, relative to the session file.'),
        bold: TextSchema.optional().describe('TTF or OTF file of the bold style.'),
        italic: TextSchema.optional().describe('TTF or OTF file of the italic style.'),
        boldItalic: TextSchema.optional().describe('TTF or OTF file of the bold italic style.'),
      })
      .optional()
      .describe('Font files of `fontFamily`, when it is not built in (PDF embeds them).'),
    primaryColor: ColorSchema.optional().describe('Main colour of headings and bands.'),
    accentColor: ColorSchema.optional().describe('Accent colour of highlights.'),
    ragColors: z
      .strictObject({
        red: ColorSchema.optional(),
        amber: ColorSchema.optional(),
        green: ColorSchema.optional(),
        grey: ColorSchema.optional().describe('Colour of "no data".'),
      })
      .optional()
      .describe('Colours of the red-amber-green status.'),
    paper: z.enum(['A4', 'Letter']).default('A4').describe('Paper of the documents other than the poster.'),
    margins: z
      .string()
      .regex(
        /^\d+(\.\d+)?(mm|cm|in|pt)( \d+(\.\d+)?(mm|cm|in|pt)){0,3}$/,
        'expected one to four lengths such as "20mm" or "20mm 18mm"',
      )
      .default('20mm 18mm')
      .describe('Page margins as in CSS: one to four lengths in mm, cm, in or pt (top right bottom left).'),
  })
  .describe('Visual options of the documents.');

const list = <T extends z.ZodType>(item: T, text: string) => z.array(item).default([]).describe(text);

/** The whole session file. */
export const SessionSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editor completion.'),
    session: SessionInfoSchema,
    vision: VisionSchema.optional(),
    spheres: list(
      SphereSchema,
      'Spheres of an open session; defaults to governance, economy, social and infrastructure.',
    ),
    units: list(UnitSchema, 'Organisational units: departments, sites, teams.'),
    people: list(PersonSchema, 'People who own, decide or are informed.'),
    goals: list(GoalSchema, 'Goals, strategic and operational.'),
    priorities: list(PrioritySchema, 'Strategic priorities; 2–3 of them critical.'),
    decisions: list(DecisionSchema, 'Decisions taken in the session.'),
    initiatives: list(InitiativeSchema, 'Initiatives that carry the strategy out.'),
    resources: list(ResourceSchema, 'Resources the initiatives need.'),
    controlPoints: list(ControlPointSchema, 'KPIs and milestones that control the plan.'),
    actions: list(ActionSchema, 'Action items.'),
    risks: list(RiskSchema, 'Risks.'),
    parkingLot: list(ParkingItemSchema, 'Operational questions set aside for other forums.'),
    swot: list(SwotItemSchema, 'SWOT items, by sphere and component.'),
    tows: list(TowsStrategySchema, 'TOWS strategies citing SWOT items.'),
    participants: list(ParticipantSchema, 'Participants of an open session.'),
    agenda: list(AgendaBlockSchema, 'The timed agenda.'),
    poster: PosterSchema.optional(),
    followUp: FollowUpSchema.optional(),
    theme: ThemeSchema.optional(),
  })
  .describe('The outcome of a strategy session, from which stratdoc builds its documents.');
