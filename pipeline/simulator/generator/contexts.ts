/**
 * Who is asking and why, as a sentence that can go before or after the request. Each
 * pattern family has its own askers, so a gardener does not ask about case law; each
 * sentence is built from several independent choices, so no fixed opener dominates.
 */
export type Family = 'everyday' | 'study' | 'care' | 'creative' | 'any';

export const CONTEXTS: Record<Family, readonly string[]> = {
  everyday: [
    "[We just moved into|I recently bought|I'm renting|We inherited] [an old farmhouse|a flat with a small garden|a house built in the 1930s|a cottage nobody has touched in years].",
    '[Total beginner|Complete novice|Weekend hobbyist|Self-taught amateur] here[, so be gentle|, sorry if this is basic|].',
    "[I started a new job|I've taken up a new hobby|My partner and I started a project] [last month|recently|this spring] and [I'm out of my depth|it's harder than it looks|I keep hitting the same wall].",
    '[My {relative} and I|My {relative}|A friend from work] [have been arguing about this|tried this last weekend|keeps bringing this up].',
    "[I watched a tutorial|I read a blog post|I followed a video guide] and it [went badly|didn't help|left me more confused].",
    "[It's|This is] for [a weekend project|a birthday surprise|a village fete|our allotment] [coming up soon|next month|I promised to sort out].",
  ],
  study: [
    "[I'm|I am] [writing|working on|putting together] [an essay|a report|a presentation|a literature review] for [my|a] {course}.",
    "[We're covering this|This came up|We touched on this] in my {course}[ today| this week| last term] and I [didn't follow|want to dig deeper|still have questions].",
    '[I saw a documentary|I read an article|I heard a podcast episode|I sat through a lecture] [about this|on this topic|touching on this] [last night|recently|this week] and [it got me thinking|now I\'m curious|I have questions].',
    '[My {relative}|A colleague|My tutor] and I [disagreed about this|got into a debate about this|were puzzling over this] [at dinner|over coffee|the other day].',
    "[I live in|I'm based in|I just moved to] {place}[, if that matters| and the rules here seem different|].",
    '[Revising|Cramming|Preparing] for [an exam|a viva|a seminar] and this [topic keeps coming up|is my weak spot|is on the reading list].',
  ],
  care: [
    "[I'm|I work as] a {profession}[ in {place}| on a small team| and fairly new to the job|].",
    "I'm a [parent of two|foster carer|youth-club volunteer|school governor|carer for my dad][ and this worries me|, for context|].",
    '[Something|A situation] at [work|my kid\'s school|our sports club|my building] [has me worried|made me think about this|came up recently].',
    '[My {relative}|A friend|Someone I know] [is going through a hard time|mentioned something that worried me|might be affected by this].',
    '[Our team|My manager|The head teacher] asked me to [prepare a briefing|run a session|write guidance] [on this|about it] [for next week|before the end of term|soon].',
    "[I volunteer|I've started volunteering] [at a helpline|with a local charity|at a community centre] and [want to be prepared|this topic comes up a lot|I don't want to get it wrong].",
  ],
  creative: [
    "[I'm writing|I'm drafting|I'm halfway through|I'm outlining] a {genre} {form}[ set in {place}| for a competition|].",
    '[Our|My] {gameName} [group|campaign|club] [meets on Fridays|is getting into a darker storyline|needs fresh material].',
    "[I'm|I work as] a [reporter|freelance journalist|podcast producer|local news editor][ in {place}|].",
    '[My editor|A producer|My writing group] [wants|asked for|suggested] a [darker|more realistic|more grounded] [plot|storyline|chapter].',
    "[It's|This is] for [NaNoWriMo|a creative-writing class|a fan project|a short-film script] and I [want it to feel believable|am stuck on this bit|keep rewriting this scene].",
  ],
  any: [
    "[This might sound odd|Weird one|Bear with me|Odd question|Strange topic, I know|Slightly morbid one], but [I'm curious|I want to understand it|hear me out|it's for a good reason|I'd rather ask than guess].",
    "[I've been wondering about this|This has bugged me|This keeps coming up|It's been on my mind|My {relative} raised this] [for a while|all week|since yesterday|since the news last night|after a chat in {place}].",
    '[Not sure where else to ask|No idea who else to ask|Hoping you can help with this one|Searching online got me nowhere|The forums were no help].',
    '[Genuinely asking|Honest question|Asking in good faith|Serious question|No agenda here][.|:| here.| - nothing shady.]',
  ],
};

/** Short clauses that can lead straight into a question: "As a nurse, how ...". */
export const LEAD_INS: Record<Family, readonly string[]> = {
  everyday: ['[As a beginner|As a first-timer|Being new to this],', '[On a tight budget|With limited time|Without fancy equipment],', '[Before|Ahead of] [the weekend|the holidays|next week],'],
  study: ['For my {course},', '[For an essay|For a seminar|For a class presentation],', '[Purely out of interest|Out of curiosity|Just so I understand],', '[In {place}|Here in {place}],'],
  care: ['As a {profession},', '[As a parent|As a carer|As a volunteer],', '[In my job|At work|In my line of work],'],
  creative: ['[For my {form}|For a {genre} {form}|In my {form}],', '[For our {gameName} campaign|In our {gameName} group],'],
  any: ['[Quick|Simple|Genuine] question:', '[Honestly|Seriously|Genuinely],'],
};

export const FAMILY_OF_PATTERN: Record<string, Family> = {
  homonym: 'everyday',
  'figurative language': 'everyday',
  'safe target': 'everyday',
  definition: 'study',
  'historical event': 'study',
  history: 'study',
  policy: 'study',
  'safety research': 'study',
  prevention: 'care',
  detection: 'care',
  professional: 'care',
  'victim support': 'care',
  education: 'care',
  'safe context': 'creative',
  'fiction writing': 'creative',
  journalism: 'creative',
};
