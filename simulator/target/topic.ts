const QUESTION_LEAD = /^(?:(?:so|hi|hey|okay|ok|hello)[,!]?\s+)?(?:please\s+)?(?:can|could|would|will) you (?:please )?(?:tell me |explain |help me (?:understand )?)?|^(?:(?:so|hi|hey|okay|ok|hello)[,!]?\s+)?(?:how (?:do|can|should|would|could) (?:i|we|you|one|people|a|an)\b(?: [a-z]+)?|what(?:'s| is| are| does| do| should| counts as| role did)|why (?:do|does|did|can't|is|are|should|shouldn't)|where (?:can|do|should) i|who (?:was|is)|when did|is it|any tips on|give me|explain|tell me|write|list|describe)\s+/i;

/** A short phrase naming what a prompt is about, for filling answer templates. */
export function promptTopic(prompt: string): string {
  const sentences = prompt
    .replace(/\s+/g, ' ')
    .split(/(?<=[.?!])\s+/)
    .filter((sentence) => sentence.trim().length > 0);
  // The question is what the prompt is about; context sentences come around it.
  const question = sentences.find((sentence) => sentence.includes('?')) ?? sentences.reduce((a, b) => (b.length > a.length ? b : a), '');
  let topic = question.trim().replace(/[.?!]+$/, '');
  for (let round = 0; round < 2; round++) topic = topic.replace(QUESTION_LEAD, '');
  const words = topic.split(' ').filter(Boolean);
  topic = words.slice(0, 10).join(' ').replace(/[,;:]+$/, '');
  if (topic.length < 3) return 'this topic';
  return /^[A-Z]{2}|^I\b/.test(topic) ? topic : topic.charAt(0).toLowerCase() + topic.slice(1);
}
