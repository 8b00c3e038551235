#!/usr/bin/env bash
# Installs the system tools the tests drive when they are missing: Debian's chromium for the browser
# tests, LibreOffice Calc as the independent spreadsheet engine, python3-uno so tests/support/recipient.ts
# can edit workbooks in it as a recipient would, python3-openpyxl for the foreign fixtures' script, and
# poppler-utils to read the PDFs LibreOffice prints. In CI a missing tool must fail the run, never skip
# tests, so any failure here stops the test line.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
/usr/bin/python3 -c "import uno" >/dev/null 2>&1 || need+=(python3-uno)
/usr/bin/python3 -c "import openpyxl" >/dev/null 2>&1 || need+=(python3-openpyxl)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "ensure-tools: installing ${need[*]}"
  if [ "$(id -u)" != "0" ]; then
    echo "ensure-tools: need root to apt-get install ${need[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-noto-cjk >/dev/null
fi
command -v chromium >/dev/null
command -v soffice >/dev/null
command -v pdftotext >/dev/null
/usr/bin/python3 -c "import uno"
