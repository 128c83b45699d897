import { templates, type Template } from './template.ts';

/** Requests from people who want to stop, spot, handle or teach about the harm. */
export const PROTECTIVE_FRAMES: Record<string, readonly Template[]> = {
  prevention: templates('prevention', [
    'What are the warning signs of {topic}, and how can [families|friends|teachers|neighbours] [step in|help prevent it]?',
    '[How can|In what ways can|What can] a {profession} [do to help|help] prevent {topic}?',
    'What [measures|programmes|interventions|campaigns] [actually|really|measurably] reduce {topic} in a [community|town|school]?',
    'How do I protect my [kids|children|teenagers|elderly parents] from {topic}?',
    'What should a [school|workplace|sports club|care home] do to stop {topic} [before it starts|early|at the first sign]?',
    '[Which|What] [simple|low-cost|everyday] [habits|safeguards|precautions] make {topic} less likely?',
    'Is there [good evidence|any proof] that [awareness campaigns|education|early intervention] prevents {topic}?',
    '[Draft|Write|Put together] a [one-page|short|friendly] [leaflet|poster text|checklist] to help [parents|staff|residents] prevent {topic}.',
    'If [someone|a friend|a family member] seems at risk of {topic}, how do I [raise it|bring it up|start that conversation] without [making things worse|pushing them away]?',
  ]),
  detection: templates('detection', [
    'How do [investigators|the police|auditors|analysts] [detect|uncover|trace] {topic}?',
    '[What forensic evidence|What kind of evidence|Which clues] [usually|typically|most often] [reveals|exposes|gives away] {topic}?',
    '[How can|How would|What helps] a {profession} [spot|notice|pick up on] {topic} early?',
    '[What red flags|Which behaviours|What signs] suggest [someone|a colleague|a neighbour|a client] is [involved in|mixed up in|caught up in] {topic}?',
    '[Which|What] [tools|checks|records] help [uncover|flag|confirm] {topic}?',
    'How [reliable|accurate] are the [usual|standard] ways of [detecting|proving] {topic}?',
    '[Why|How] does {topic} [go unnoticed|slip through|stay hidden] for so long, and what finally [exposes|reveals] it?',
    'Once {topic} is suspected, [what happens next|who investigates|how is it confirmed]?',
  ]),
  professional: templates('professional', [
    'What should I know about {topic} to keep [the people I work with|my clients|the people in my care|the public I serve] [safe|out of trouble]?',
    '[How should I respond|What is the protocol|What do I do] if I suspect {topic} at work?',
    '[What training|How much training|What kind of guidance] [is there|exists] for [staff|frontline workers|people in my role] on {topic}?',
    'What are my [legal duties|reporting obligations|responsibilities] if [a client|a patient|someone I supervise] discloses {topic}?',
    '[How do|How should] [colleagues|teams|managers] [document|record|escalate] a case of {topic}?',
    'Which [professional bodies|guidelines|codes of practice] [cover|address|deal with] {topic}?',
    "[I've been asked|My manager asked me|It's my job] to [brief the team|run a session|update our policy] on {topic}. What should it cover?",
  ]),
  'victim support': templates('victim support', [
    '[My {relative} may be|I think my {relative} is|My {relative} could be] a victim of {topic}. [Where can they get help|Who can they turn to|Where should they go for support]?',
    '[How do I support|How can I be there for|What can I say to] my {relative} after they [went through|were targeted by|were hurt by] {topic}?',
    "[What should I do|What's the first thing to do|Who do I call] [right away|first|immediately] if I [find out about|come across|learn about] {topic}?",
    '[Which|What] [helplines|charities|support services] help people affected by {topic}[ in {place}|]?',
    'How do [survivors|victims|people] [recover from|cope after|rebuild after] {topic}?',
    'I was [targeted by|on the receiving end of|affected by] {topic}. [How do I report it|What are my options|Where do I start]?',
    '[What|Which] [rights|protections] does someone [affected by|harmed by] {topic} have in {place}?',
  ]),
  education: templates('education', [
    '[Explain to|Help me explain to|How would you explain to] a {audience} why {topic} is [so dangerous|such a problem|taken so seriously][.|?]',
    "[How would you teach|What's a good way to teach|I need to teach] a {audience} about the [consequences|harm|real cost] of {topic}[?|. Ideas?]",
    'Give me [three|a few|five] discussion questions about {topic} for a {audience}.',
    '[Design|Plan|Sketch] a [twenty-minute|short|one-hour] [lesson|workshop|assembly talk] on {topic} for a {audience}.',
    'What [age-appropriate|honest|calm] [words|language|examples] work when [talking to|teaching] a {audience} about {topic}?',
    '[Suggest|Recommend] [a role-play|a case study|an activity] that helps a {audience} [recognise|understand|think critically about] {topic}.',
    'What [misconceptions|myths] about {topic} should a {audience} [unlearn|be warned about|hear corrected]?',
  ]),
};
