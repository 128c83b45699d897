// Regenerates the README's config reference from the zod schema: npm run docs
import { updateReadme } from './readme/update-readme.ts';

const changed = await updateReadme();
console.log(changed ? 'README.md updated' : 'README.md already up to date');
