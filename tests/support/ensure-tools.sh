#!/usr/bin/env bash
# Installs the system tools the tests drive (Debian's chromium for the browser tests, LibreOffice Calc
# as the independent spreadsheet engine, poppler-utils to read the PDFs LibreOffice prints) when they
# are missing. In CI a missing tool must fail the run, never skip tests, so any failure here stops
# the test line.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
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
