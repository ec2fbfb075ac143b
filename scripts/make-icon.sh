#!/bin/sh
# Renders media/icon.svg to the 128×128 marketplace icon (needs ImageMagick with an SVG delegate).
# CONVERT=/path/to/convert overrides which ImageMagick binary is used.
set -e
cd "$(dirname "$0")/.."
if [ -z "$CONVERT" ]; then
  if [ -x /usr/bin/convert ]; then CONVERT=/usr/bin/convert; else CONVERT=convert; fi
fi
"$CONVERT" -background none -density 192 media/icon.svg -resize 128x128 PNG32:media/icon.png
