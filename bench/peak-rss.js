// Preloaded into a benchmarked command (node --import): at exit it writes the process's
// peak resident set size, which counts every worker thread of the process, to the file
// named by PERFPLAN_PEAK_FILE.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (process.env.PERFPLAN_PEAK_FILE) writeFileSync(process.env.PERFPLAN_PEAK_FILE, String(process.resourceUsage().maxRSS))
})
