// `course new <dir>`: the smallest pack that validates, to start a team's own course from. Every
// file shows one feature of the format with a placeholder the author replaces.

export function packTemplate(id: string, title: string): Record<string, string> {
  return {
    "README.md": `# ${title}

A course pack for api-architect. Check it, install it and open it with:

    api-architect validate .
    api-architect course add .
    api-architect course use ${id}

The format is the built-in course's: see content/README.md in the api-architect package.
`,
    "course.yaml": `format: 1
id: ${id}                      # what \`course use\` takes; keep it once learners have progress
title: ${title}
modules:                       # the order lessons are offered in; one folder each under modules/
  - 01-house-rules
`,
    "roadmap.yaml": `stages:
  - id: basics
    number: 1
    title: The basics
    duration: 1 week
    summary: What every new team member reads first.
    skills: [Our API conventions]
    project: Ship one endpoint that follows the house rules.
`,
    "glossary.yaml": `terms:
  - id: house-rule
    term: House rule
    short: A convention every service in the team follows, written down once.
    links: [module:house-rules#why-rules]
`,
    "faq/where-to-ask.md": `---
id: where-to-ask
question: Where do I ask when a rule is unclear?
modules: [house-rules]
order: 1
---

Replace this answer with your team's channel. Answers are markdown, like lessons.
`,
    "modules/01-house-rules/lesson.md": `---
id: house-rules
number: 1
title: Our house rules
stage: basics
summary: The conventions every API in the team follows, and why.
minutes: 10
objectives:
  - Name the conventions our APIs share
---

## Why rules {#why-rules}

Each \`##\` heading starts a section; the reader shows one section at a time.
Write a few short paragraphs per section.

## An example in four stacks

Code examples come in four stacks, as consecutive blocks in this order:

\`\`\`ts
app.get("/v1/health", (_req, res) => {
  res.json({ status: "ok" });
});
\`\`\`

\`\`\`python
@app.get("/v1/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}
\`\`\`

\`\`\`php
Route::get('/v1/health', fn () => ['status' => 'ok']);
\`\`\`

\`\`\`csharp
app.MapGet("/v1/health", () => Results.Ok(new { status = "ok" }));
\`\`\`

## Key takeaways

- One rule, one reason: say why each convention exists.
- See the FAQ entry [where to ask](faq:where-to-ask).
`,
    "modules/01-house-rules/quiz.yaml": `questions:
  - id: why-rules
    type: concept
    prompt: Why write house rules down?
    options:
      - text: So every service answers clients the same way
        correct: true
        explain: Shared conventions make each new API predictable.
      - text: So that nobody has to review code
        explain: Rules help reviews; they do not replace them.
      - text: Because frameworks cannot be configured
        explain: Frameworks can be configured; rules say how.
      - text: To make responses larger
        explain: Size has nothing to do with it.
`,
  };
}
