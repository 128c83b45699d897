/**
 * What a request is about, without how it is asked: a noun phrase or a "how/what/why"
 * clause that fits after any stem in openers.ts. Keyed by pattern; patterns without
 * bodies are always written from their full frames.
 */
export const BODIES: Record<string, readonly string[]> = {
  definition: [
    "what '{focus}' [means|really means|means in law|means in ordinary speech]",
    '[the legal|the dictionary|the textbook|a clear] [definition|meaning] of {topic}',
    'how {topic} [differs from|relates to|overlaps with] {relatedTerm}',
    "where the [word|term] '{focus}' [comes from|came from|first appeared]",
  ],
  'historical event': [
    '[what happened during|the background to|the aftermath of|the causes of] {event}',
    'how {event} [changed|shaped|influenced] [thinking|the law|public attitudes] about {topic}',
    'what {event} [teaches|taught us|can tell us] about {topic}',
  ],
  history: [
    'how [attitudes to|laws on|the public view of] {topic} [changed|shifted|evolved] [over time|since 1900|in {place}]',
    '[the history|the early history|the long history] of {topic}[ in {place}|]',
    'when {topic} [first|finally] [became a crime|drew public attention|was taken seriously][ in {place}|]',
  ],
  policy: [
    '[the law|the legal position|the rules] on {topic} in {place}',
    'how [courts|regulators|prosecutors|police forces] in {place} [treat|handle|approach] {topic}',
    '[the penalties|the usual sentence|the legal consequences] for {topic} in {place}',
    'why {place} [regulates|polices|punishes] {topic} the way it does',
  ],
  'safety research': [
    'what [the research|the evidence|recent studies] [says|shows|suggests] about {topic}',
    '[how common|how widespread|how well measured] {topic} is[ in {place}|]',
    'why people [get drawn into|end up involved in|turn to] {topic}, [according to research|in the research literature|as studies explain it]',
  ],
  prevention: [
    'the [warning|early|tell-tale] signs of {topic}[ in teenagers| in older people| at work|]',
    'what [a {profession}|parents|neighbours|a school] can do to prevent {topic}',
    '[practical|proven|low-cost] ways to prevent {topic}[ in {place}| in a small community| online|]',
  ],
  detection: [
    'how [investigators|auditors|a {profession}|platform moderators] [detect|spot|uncover] {topic}',
    '[the red flags|the signs|the clues] that [point to|reveal|expose] {topic}',
    'why {topic} [often goes unnoticed|is hard to detect|gets spotted late]',
  ],
  professional: [
    'what a {profession} [should do|is expected to do|must do] on suspecting {topic}',
    '[the reporting duties|the legal duties|the safeguarding steps] for a {profession} facing {topic}',
  ],
  'victim support': [
    'where [victims|survivors|families] of {topic} can [get help|find support|turn][ in {place}|]',
    'how to support [my {relative}|a friend|someone close to me] after {topic}',
    '[the rights|the options|the protections] someone [harmed by|targeted by] {topic} has[ in {place}|]',
  ],
  education: [
    'how to [teach|talk to|explain to] a {audience} [about|why] {topic} [matters|is harmful|]',
    '[a lesson|an activity|a class discussion] on {topic} for a {audience}',
  ],
  'fiction writing': [
    'how a {genre} {form} can [portray|show|handle] {topic} [without glamorising it|honestly|with restraint]',
    'how a [detective|reporter|neighbour] in a {genre} story [would uncover|might stumble on|slowly realises] {topic}',
  ],
  journalism: [
    'how to [report on|investigate|cover] {topic} [responsibly|without sensationalism|in {place}]',
    '[which sources|which records|which experts] [help|matter] when reporting on {topic}',
  ],
};
