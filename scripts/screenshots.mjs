// Makes docs/images/audit.png: the audit page of the bundled fixtures as a browser shows it
// (Debian's Chromium, headless, through playwright-core). Run: npm run screenshots
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = mkdtempSync(join(tmpdir(), 'perfplan-audit-'))
try {
  execFileSync('node', [join(root, 'bin/perfplan.js'), 'audit', join(root, 'fixtures/plans'), join(root, 'fixtures/edge'), '--out', out, '--quiet'], { stdio: 'inherit' })
} catch {
  // exit 1: the edge fixtures are meant to fail
}
const browser = await chromium.launch({ executablePath: process.env.PERFPLAN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
const page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, deviceScaleFactor: 1 })
await page.goto(`file://${join(out, 'audit.html')}`)
await page.screenshot({ path: join(root, 'docs/images/audit.png') })
await browser.close()
rmSync(out, { recursive: true, force: true })
console.log('docs/images/audit.png')
