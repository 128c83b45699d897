/** Random text over `alphabet` (its characters, or a list of code-unit strings), for checking edit distances. */
export function randomText(random: () => number, length: number, alphabet: string | readonly string[] = 'abcde '): string {
  let text = '';
  for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

/** `text` with `edits` random insertions, deletions and substitutions. */
export function edited(random: () => number, text: string, edits: number): string {
  let result = text;
  for (let edit = 0; edit < edits; edit++) {
    const at = Math.floor(random() * (result.length + 1));
    const kind = random();
    if (kind < 0.33) result = result.slice(0, at) + 'x' + result.slice(at);
    else if (kind < 0.66) result = result.slice(0, at) + result.slice(at + 1);
    else result = result.slice(0, at) + 'y' + result.slice(at + 1);
  }
  return result;
}
