#!/usr/bin/env bash
# Renders a corrected workbook the way a clerk sees it: LibreOffice converts it to PDF
# headlessly (which also proves it opens without repair), pdftoppm turns pages into PNG.
# Usage: scripts/render-workbook.sh OUT/plan.xlsx.corretto.xlsx docs/images
# Needs Debian's libreoffice-calc and poppler-utils.
set -euo pipefail
workbook=$1
target=${2:-docs/images}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$target"
soffice --headless -env:UserInstallation=file://$work/profile --convert-to pdf --outdir "$work" "$workbook" >/dev/null
pdf="$work/$(basename "${workbook%.*}").pdf"
test -s "$pdf" || { echo "LibreOffice could not convert $workbook" >&2; exit 1; }
pdfinfo "$pdf" | grep -E '^Pages:'
pdftoppm -png -r 80 "$pdf" "$work/page"
ls "$work"/page*.png
cp "$work"/page*.png "$target"/
