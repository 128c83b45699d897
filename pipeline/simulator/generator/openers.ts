/**
 * Stems that take any body from frames-bodies.ts, drawn independently of it: "Walk me
 * through" + "how auditors trace {topic}". Several choice points each, so the same stem
 * rarely opens two prompts with the same five words. `end` is the closing mark.
 */
export interface Opener {
  readonly text: string;
  readonly end: '?' | '.';
}

const ask = (text: string): Opener => ({ text, end: '?' });
const tell = (text: string): Opener => ({ text, end: '.' });

export const OPENERS: readonly Opener[] = [
  ask('[Can|Could|Would] you [explain|outline|summarise|go over|talk me through] [for me|briefly|in simple terms|]'),
  ask('[Do you know|Any idea|Have you got a sense of|Would you know]'),
  ask("[What can you tell me about|What's known about|What do we know about|What would you say about]"),
  tell('[Tell me|Explain|Outline|Summarise|Sketch out] [briefly|plainly|in a few lines|]'),
  tell("[I'd like to|I want to|I'm trying to|I need to|Help me] [understand|get my head around|make sense of|learn] [properly|a bit better|]"),
  tell("[I'm|I am|I've been] [curious about|reading up on|trying to find out|looking into|puzzling over]"),
  tell('[Walk me through|Take me through|Run me through|Break down for me]'),
  tell('[Please|Kindly|If you can,] [describe|explain|set out|give an overview of]'),
  ask("[Quick question|Honest question|One for you|Here's one][:|,|-] [what's|what is] your take on"),
  tell("[For context|For background|For a bit of background][,|:] [I'd love|I'd welcome|I'm after] [a clear|a short|an honest|a sober] [account of|picture of|explanation of]"),
  ask("[I keep wondering about|I've never understood|Nobody has ever explained to me] - [could you cover|can you shed light on|what about]"),
  tell('[My {relative}|A colleague|My tutor|A friend] [asked me about|wanted to know|was asking about|got me thinking about]; [help me answer|fill me in on|explain][ it| that|]:'),
];
