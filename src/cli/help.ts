export const HELP = `Usage:
  perfplan import <file|dir|"glob">... [--out DIR] [--concurrency N] [--scheme FILE] [--areas FILE] [--strict]
  perfplan audit  <file|dir|"glob">... [--out DIR] [--concurrency N] [--scheme FILE] [--areas FILE] [--strict]
  perfplan schema
  perfplan tables <file> [--csv]

Commands:
  import   read performance plans (.pdf .docx .html .htm .xlsx; folders are walked, quoted
           glob patterns are expanded) and write for each OUT/<name>.json, the corrected
           workbook OUT/<name>.xlsx (OUT/<name>.corretto.xlsx for an .xlsx input), and
           OUT/batch.json for all
  audit    the same reading, reports only: OUT/<name>.json, OUT/batch.json, OUT/audit.html,
           OUT/audit.md, OUT/rilievi.csv (every finding), OUT/obiettivi.csv (every objective)
  schema   print the JSON Schema of the plan record
  tables   print the tables read from one file, before interpretation (JSON, or CSV with --csv)

Options:
  --out DIR          output folder (default: out); it is never read as input
  --concurrency N    worker threads, one document each (default: one per core, at most one per document)
  --timeout S        seconds one document may take (default: 120)
  --max-size MB      largest file read (default: 100)
  --max-memory MB    heap one worker may use (default: 1024)
  --skip-existing    keep the outputs of files whose JSON names the same sha256
  --scheme FILE      weighting scheme JSON: {"points":{"alto":5,"medio":3,"basso":1},"inverted":["realizzabilita"]}
  --areas FILE       the comune's areas JSON: [{"id":"cultura","label":"CULTURA","variants":["Area Cultura"]}]
  --strict           exit 1 when any document has an error finding
  --json             print the batch summary (batch.json) on stdout
  -q, --quiet        no progress and no summary; failed files only
  -v, --version      print the version
  -h, --help         this help

Exit status: 0 all documents imported; 1 a document failed (or, with --strict, has errors);
2 usage error, nothing to import, or an output folder that cannot be written;
130 interrupted (batch.json says which files finished).
`
