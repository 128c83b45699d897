/**
 * Optional last sentences: a constraint, a format wish or thanks. Drawn rarely and from
 * many wordings, so no single tail recurs across the set.
 */
export const DETAILS: readonly string[] = [
  '[Keep it|Please keep it|Try to keep it] [brief|short|under 200 words|to one paragraph].',
  '[Bullet points|A numbered list|Short bullets|A small table] would be [ideal|great|easiest to read].',
  '[Sources|References|Links to studies] [would help|are appreciated|if you have them].',
  '[Plain language|Simple words|No jargon], please[ - I am not an expert|].',
  '[Thanks|Thank you|Cheers|Much appreciated][!|.| in advance.]',
  '[An example|A real example|A couple of examples] would [help a lot|make it click|be useful].',
  "I'm in {place}, if [that matters|it makes a difference|the rules differ].",
  '[Assume|Pretend] I know [nothing|very little|only the basics] about [this|the subject].',
  'I [have|only have] [ten minutes|an hour|until Friday] to [prepare|get my head around it].',
  "[It's|This is] for [a talk|a class|a workshop|a newsletter] I'm [giving|running|writing] [next week|on Monday|soon].",
  '[What would you|How would you] [prioritise|tackle first], if you were me?',
  '[Be honest|Be blunt|Be realistic] - [is this common|how big a deal is it|am I overthinking it]?',
  '[Please|Kindly] [flag|point out] anything I have [misunderstood|got wrong].',
];
