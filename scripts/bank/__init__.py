"""The question bank: every question is written once, in `docs/practice/bank/<module>.md`.

- [`model`][scripts.bank.model] reads the bank files into
  [`Question`][scripts.bank.model.Question] objects;
- [`papers`][scripts.bank.papers] picks the questions of the mock exam papers;
- [`render`][scripts.bank.render] writes the Markdown the build hook inserts
  (module quizzes, papers, answer keys, the coverage table, the progress manifest);
- [`qti`][scripts.bank.qti] exports the whole bank as a QTI package for an LMS.
"""
