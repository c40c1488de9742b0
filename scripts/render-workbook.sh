#!/usr/bin/env bash
# Renders a corrected workbook the way a clerk sees it: LibreOffice converts it to PDF
# headlessly (which also proves it opens without repair), pdftoppm turns pages into PNG.
# Usage: scripts/render-workbook.sh OUT/plan.xlsx.corretto.xlsx [TARGET_DIR [NAME]]
# writes TARGET_DIR/NAME-1.png, NAME-2.png, … (default docs/images, page), one per printed page.
# Needs Debian's libreoffice-calc and poppler-utils.
set -euo pipefail
workbook=$1
target=${2:-docs/images}
name=${3:-page}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$target"
soffice --headless -env:UserInstallation=file://$work/profile --convert-to pdf --outdir "$work" "$workbook" >/dev/null
pdf="$work/$(basename "${workbook%.*}").pdf"
test -s "$pdf" || { echo "LibreOffice could not convert $workbook" >&2; exit 1; }
pdfinfo "$pdf" | grep -E '^Pages:'
pdftoppm -png -r 80 "$pdf" "$work/$name"
cp "$work/$name"-*.png "$target"/
ls "$target/$name"-*.png
