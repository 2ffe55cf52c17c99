#!/bin/sh
# Renders the portal's PWA icons from the favicon's drawing with headless Chromium (run once; the PNGs are committed).
set -e
out=${1:-$(dirname "$0")/../public}
render() { # size maskable name
  size=$1; pad=$2; name=$3; radius=$4
  cat > ${TMPDIR:-/tmp}/icon.html <<HTML
<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}svg{display:block}</style></head><body>
<svg xmlns="http://www.w3.org/2000/svg" width="$size" height="$size" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="$radius" fill="#1864ab"/>
  <g transform="translate(16 16) scale($pad) translate(-16 -16)">
  <path fill="#fff" d="M16 5 5 11h22z"/>
  <rect x="7" y="13" width="3" height="10" fill="#fff"/>
  <rect x="14.5" y="13" width="3" height="10" fill="#fff"/>
  <rect x="22" y="13" width="3" height="10" fill="#fff"/>
  <rect x="5" y="24" width="22" height="3" rx="1" fill="#fff"/>
  </g>
</svg></body></html>
HTML
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size=$size,$size --screenshot="$out/$name" file://${TMPDIR:-/tmp}/icon.html >/dev/null 2>&1
}
render 192 1 icon-192.png 7
render 512 1 icon-512.png 7
# Maskable: full bleed, the drawing inside the 80 % safe zone.
render 192 0.72 icon-maskable-192.png 0
render 512 0.72 icon-maskable-512.png 0
render 180 0.85 apple-touch-icon.png 0
