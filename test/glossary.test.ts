import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { GLOSSARY_END, GLOSSARY_START, glossaryMarkdown } from '../src/interpret/glossary.js'
import { matchLabel } from '../src/interpret/labels.js'

describe('the vocabulary', () => {
  it('is the README\'s glossary (regenerate with `npm run glossary`)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const section = readme.slice(readme.indexOf(GLOSSARY_START), readme.indexOf(GLOSSARY_END) + GLOSSARY_END.length)
    expect(section).toBe(glossaryMarkdown())
  })

  it('matches a label ignoring case, accents, punctuation and spacing', () => {
    expect(matchLabel('SETTORE / RESPONSABILE', ['unitAndPerson'])?.id).toBe('unitAndPerson')
    expect(matchLabel('Unità  di   misura:', ['indicatorUnit'])?.id).toBe('indicatorUnit')
    expect(matchLabel("Target conseguito nell’esercizio precedente", ['indicatorBaseline'])?.id).toBe('indicatorBaseline')
    expect(matchLabel('peso OBSA 30%', ['weightPercent'])).toEqual({ id: 'weightPercent', rest: '30%' })
  })

  it('tells a label by the labels a layout allows: «Pesatura» is a coefficient in a list, the seed\'s rating section on its card', () => {
    expect(matchLabel('PESATURA', ['weightCoefficient'])?.id).toBe('weightCoefficient')
    expect(matchLabel('PESATURA', ['weighting'])?.id).toBe('weighting')
  })
})
