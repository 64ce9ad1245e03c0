// A copy of the fixture course with a section taller than any screen (a long table, long code
// lines in all four stacks, a link) and a question with long options, for layout tests.
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURE } from "./helpers.js";

const rows = Array.from({ length: 18 }, (_, i) => `| ${200 + i} | Row ${i + 1} of the long table, with enough words to wrap at sixty columns |`).join("\n");
const longLine = (marker: string) => `const ${marker}Result = await repository.findAllShowsForVenue(venueId, { includeCancelled: false }); // wide-${marker}`;

const SECTION = `
## A long section {#long}

Opening words of the long section. This paragraph is here so that the section starts with prose
that wraps differently at sixty and at eighty columns, which the resize test relies on to show
that the reader keeps its place rather than its page number.

| Code | Meaning |
| ---- | ------- |
${rows}

Between the table and the code, a paragraph that mentions [the FAQ](faq:why-http).

\`\`\`ts title="src/long.ts"
${Array.from({ length: 26 }, (_, i) => `// line ${i + 1} of the long TypeScript example`).join("\n")}
${longLine("ts")}
\`\`\`

\`\`\`python title="app/long.py"
${Array.from({ length: 26 }, (_, i) => `# line ${i + 1} of the long Python example`).join("\n")}
result = await repository.find_all_shows_for_venue(venue_id, include_cancelled=False)  # wide-py
\`\`\`

\`\`\`php
${Array.from({ length: 26 }, (_, i) => `// line ${i + 1} of the long PHP example`).join("\n")}
$result = $repository->findAllShowsForVenue($venueId, includeCancelled: false); // wide-php
\`\`\`

\`\`\`csharp
${Array.from({ length: 26 }, (_, i) => `// line ${i + 1} of the long C# example`).join("\n")}
var result = await repository.FindAllShowsForVenueAsync(venueId, includeCancelled: false); // wide-cs
\`\`\`

Closing words of the long section.
`;

const QUESTION = `
  - id: long-options
    type: concept
    prompt: Which of these long answers says what a cache in front of an API is for, in the fewest words possible?
    options:
      - text: It keeps copies of answers close to the clients that ask for them, so that repeated requests are served without reaching the origin server again
        correct: true
        explain: That is what a cache is for.
      - text: It stores every request the clients send so that the origin server can replay them later when it has spare capacity to do the work
        explain: That describes a queue.
      - text: It encrypts responses so that only the clients holding the right keys can read them
        explain: That is TLS.
      - text: It counts requests per client and refuses those beyond a limit
        explain: That is rate limiting.
`;

/** Copies the fixture course into `dir` and lengthens it; returns the course folder. */
export function longCourse(dir: string): string {
  const root = join(dir, "course");
  if (existsSync(root)) return root;
  cpSync(FIXTURE, root, { recursive: true });
  appendFileSync(join(root, "modules/01-http-basics/lesson.md"), SECTION);
  const quiz = join(root, "modules/02-caching-basics/quiz.yaml");
  writeFileSync(quiz, readFileSync(quiz, "utf8").trimEnd() + "\n" + QUESTION);
  return root;
}
