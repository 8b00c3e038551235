#!/usr/bin/env bash
# Converts the hand-written sources in tests/fixtures/foreign/src/ to .xlsx with LibreOffice headless
# (a fresh profile per call, so parallel runs never share a profile lock), and writes them beside
# the sources' folder as libreoffice-NAME.xlsx. Run: bash tests/generators/foreign_libreoffice.sh
# soffice exits 0 even when a conversion fails: each output's existence is checked.
set -euo pipefail
cd "$(dirname "$0")/../fixtures/foreign"
soffice=$(command -v soffice)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
convert() { # SOURCE [INFILTER]
  local src=$1 name base
  base=$(basename "${src%.*}")
  local profile="$work/profile-$base"
  local args=(-env:UserInstallation="file://$profile" --headless --norestore)
  # CSV: comma, double quote, UTF-8 (76), from line 1; column 2 as a date in Y-M-D (format 5).
  [ -n "${2:-}" ] && args+=(--infilter="$2")
  "$soffice" "${args[@]}" --convert-to "xlsx:Calc MS Excel 2007 XML" --outdir "$work/out" "$src" >/dev/null 2>&1
  [ -s "$work/out/$base.xlsx" ] || { echo "LibreOffice did not convert $src" >&2; exit 1; }
  mv "$work/out/$base.xlsx" "libreoffice-$base.xlsx"
  echo "tests/fixtures/foreign/libreoffice-$base.xlsx"
}
convert src/plan-zh.csv "CSV:44,34,76,1,2/5"
convert src/budget.fods
