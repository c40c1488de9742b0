// Writes the README's glossary from the vocabulary (src/interpret/vocabulary.ts).
// Run by `npm run glossary` after a build; test/glossary.test.ts fails when they differ.
import { readFileSync, writeFileSync } from 'node:fs'
import { withGlossary } from '../dist/interpret/glossary.js'

const readme = new URL('../README.md', import.meta.url)
writeFileSync(readme, withGlossary(readFileSync(readme, 'utf8')))
