#!/usr/bin/env bash
# make-media.sh regenerates the media of the bundled sample project
# ("Micro-credentials in 10 minutes") from nothing but drawing commands and
# text-to-speech, so no third-party picture or recording ends up in the repo.
#
#   bash assets/sample-src/make-media.sh            # build into assets/sample-src/build
#   bash assets/sample-src/make-media.sh --install  # and copy into assets/sample/media + media.json
#
# Needs (Debian): imagemagick espeak-ng sox ffmpeg.
# The committed files under assets/sample/media are the source of truth:
# encoders change between versions, so a rebuild may give new hashes, and the
# module JSON files would then need the new hashes (printed at the end).
#
# Pictures carry no words on purpose: the project is translated (es, ar), and
# words baked into pixels cannot be. Alt text and captions carry the meaning.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=$here/build
sample=$here/../sample
install=${1:-}
rm -rf "$out"
mkdir -p "$out/tmp"
tmp=$out/tmp

accent='#1f5fbf'  # theme accent: 6.1:1 against white text
navy='#0b2e63'
tint='#dbe7f8'
mid='#a9c4ee'
gold='#e0a526'
green='#1f8a4c'
paper='#f6f8fc'
grey='#c9d1de'

# png writes a small, stable PNG: no timestamps, no comments, 8-bit palette.
png() {
	local dst=$1
	shift
	convert "$@" -strip -define png:exclude-chunks=date,time,tEXt,zTXt,iTXt \
		+set date:create +set date:modify -colors 64 "PNG8:$dst"
}

# card draws a credential card at x,y (top-left) of size w,h into the
# ImageMagick draw list on stdout: lines of "text" and a seal.
card() {
	local x=$1 y=$2 w=$3 h=$4 fill=$5 seal=$6
	local r=$((h / 10)) pad=$((w / 10))
	echo "fill $fill stroke $navy stroke-width 3 roundrectangle $x,$y $((x + w)),$((y + h)) $r,$r"
	echo "stroke none fill $grey"
	local ly=$((y + h / 4))
	for frac in 60 75 45; do
		echo "roundrectangle $((x + pad)),$ly $((x + pad + (w - 2 * pad) * frac / 100 - h / 4)),$((ly + h / 14)) 3,3"
		ly=$((ly + h / 6))
	done
	local cx=$((x + w - pad - h / 10)) cy=$((y + h - h / 4))
	echo "fill $seal stroke none circle $cx,$cy $((cx + h / 8)),$cy"
}

# --- Decorative banner (module 1): cards fanned out on a light background.
{
	echo "fill $tint stroke none circle 820,40 1000,40"
	echo "fill $tint stroke none circle 90,230 200,230"
	card 330 70 220 140 "$mid" "$accent"
	card 390 50 220 140 "#ffffff" "$gold"
	card 450 30 220 140 "#ffffff" "$green"
} >"$tmp/banner.mvg"
png "$out/banner.png" -size 960x240 "xc:$paper" -draw "$(cat "$tmp/banner.mvg")"

# --- Stacking diagram (module 2): three small credentials flow into one
# larger credential.
{
	card 60 40 200 120 "#ffffff" "$accent"
	card 60 175 200 120 "#ffffff" "$green"
	card 60 310 200 120 "#ffffff" "$gold"
	# A bracket that merges the three into one arrow.
	echo "stroke $accent stroke-width 8 stroke-linecap round stroke-linejoin round fill none"
	echo "polyline 275,100 370,100 370,370 275,370"
	echo "line 275,235 470,235"
	echo "fill $accent stroke none polygon 468,215 502,235 468,255"
	card 515 110 250 250 "$tint" "$navy"
	echo "fill $accent stroke none circle 600,300 605,300"
	echo "fill $green circle 630,300 635,300"
	echo "fill $gold circle 660,300 665,300"
} >"$tmp/stack.mvg"
png "$out/stack-diagram.png" -size 800x470 "xc:$paper" -draw "$(cat "$tmp/stack.mvg")"

# arrow prints an ImageMagick line from x1,y1 to x2,y2 with a head of size
# h at the end.
arrow() {
	awk -v x1="$1" -v y1="$2" -v x2="$3" -v y2="$4" -v h="$5" -v c="$6" -v w="$7" 'BEGIN {
		dx = x2 - x1; dy = y2 - y1; l = sqrt(dx * dx + dy * dy); ux = dx / l; uy = dy / l
		bx = x2 - ux * h; by = y2 - uy * h
		printf "stroke %s stroke-width %d fill none line %d,%d %d,%d\n", c, w, x1, y1, bx, by
		printf "fill %s stroke none polygon %d,%d %d,%d %d,%d\n", c, x2, y2,
			bx - uy * h * 0.6, by + ux * h * 0.6, bx + uy * h * 0.6, by - ux * h * 0.6
	}'
}

# dots prints a dotted line of round dots of diameter d from x1,y1 to x2,y2
# (ImageMagick 6 draws dashed strokes with a hairline through them).
dots() {
	awk -v x1="$1" -v y1="$2" -v x2="$3" -v y2="$4" -v d="$5" -v c="$6" 'BEGIN {
		dx = x2 - x1; dy = y2 - y1; n = int(sqrt(dx * dx + dy * dy) / (d * 2.5))
		printf "fill %s stroke none\n", c
		for (i = 0; i <= n; i++) {
			x = x1 + dx * i / n; y = y1 + dy * i / n
			printf "circle %.1f,%.1f %.1f,%.1f\n", x, y, x + d * 0.6, y
		}
	}'
}

# trust draws the issuer-holder-verifier triangle at scale s (percent), up to
# step n (1 issuer, 2 + holder, 3 + verifier and the check).
trust() {
	local s=$1 n=$2
	sc() { echo $(($1 * s / 100)); }
	local ix iy hx hy vx vy r
	ix=$(sc 400) iy=$(sc 95) hx=$(sc 175) hy=$(sc 345) vx=$(sc 625) vy=$(sc 345) r=$(sc 70)
	local sw
	sw=$(sc 8)
	[ "$sw" -lt 2 ] && sw=2
	# Issuer: a building with a pediment.
	echo "fill $tint stroke $accent stroke-width $sw circle $ix,$iy $((ix + r)),$iy"
	echo "fill $navy stroke none polygon $((ix - r / 2)),$((iy - r / 8)) $ix,$((iy - r / 2)) $((ix + r / 2)),$((iy - r / 8))"
	for dx in -3 -1 1 3; do
		local cx=$((ix + dx * r / 9))
		echo "rectangle $((cx - r / 20)),$((iy - r / 10)) $((cx + r / 20)),$((iy + r / 3))"
	done
	echo "rectangle $((ix - r / 2)),$((iy + r / 3)) $((ix + r / 2)),$((iy + r / 3 + r / 10))"
	[ "$n" -ge 2 ] || return 0
	# Arrow issuer -> holder, then the holder: a phone holding a card.
	arrow $((ix - r * 8 / 10)) $((iy + r * 7 / 10)) $((hx + r * 7 / 10)) $((hy - r * 9 / 10)) $((sw * 3)) "$accent" "$sw"
	echo "fill $tint stroke $accent stroke-width $sw circle $hx,$hy $((hx + r)),$hy"
	echo "fill $navy stroke none roundrectangle $((hx - r / 3)),$((hy - r / 2)) $((hx + r / 3)),$((hy + r / 2)) $((r / 10)),$((r / 10))"
	echo "fill $gold roundrectangle $((hx - r / 4)),$((hy - r / 4)) $((hx + r / 4)),$((hy + r / 8)) $((r / 20)),$((r / 20))"
	[ "$n" -ge 3 ] || return 0
	# Arrow holder -> verifier, the verifier's check, and a dashed line
	# back to the issuer: the signature is checked against the issuer's key.
	arrow $((hx + r * 12 / 10)) "$hy" $((vx - r * 12 / 10)) "$vy" $((sw * 3)) "$accent" "$sw"
	dots $((vx - r * 7 / 10)) $((vy - r * 9 / 10)) $((ix + r * 8 / 10)) $((iy + r * 7 / 10)) "$sw" "$grey"
	echo "fill $tint stroke $accent stroke-width $sw circle $vx,$vy $((vx + r)),$vy"
	echo "fill none stroke $green stroke-width $((sw * 2)) stroke-linecap round stroke-linejoin round polyline $((vx - r / 2)),$vy $((vx - r / 8)),$((vy + r * 4 / 10)) $((vx + r / 2)),$((vy - r * 4 / 10))"
}

# --- Trust triangle (module 3).
trust 100 3 >"$tmp/trust.mvg"
png "$out/trust-triangle.png" -size 800x450 "xc:$paper" -draw "$(cat "$tmp/trust.mvg")"

# say speaks one sentence to a trimmed WAV and prints its length in seconds.
say() {
	espeak-ng -v en-gb -s "$3" -w "$tmp/raw.wav" "$2"
	sox "$tmp/raw.wav" "$1" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
	soxi -D "$1"
}

# vtt_time formats seconds as WebVTT's hh:mm:ss.ttt.
vtt_time() { awk -v t="$1" 'BEGIN { ms = int(t * 1000 + 0.5); printf "%02d:%02d:%02d.%03d", ms / 3600000, (ms / 60000) % 60, (ms / 1000) % 60, ms % 1000 }'; }

# narrate speaks sentences with a gap between them into $1.wav and writes
# the matching captions to $1.vtt; the start of each sentence is recorded in
# the array starts (used to time the video's slides).
narrate() {
	local base=$1 speed=$2 gap=$3
	shift 3
	local t=0 i=0 parts=() len
	starts=()
	printf 'WEBVTT\n' >"$base.vtt"
	sox -n -r 22050 -c 1 "$tmp/gap.wav" trim 0 "$gap"
	for sentence in "$@"; do
		i=$((i + 1))
		len=$(say "$tmp/s$i.wav" "$sentence" "$speed")
		starts+=("$t")
		local end
		end=$(awk -v a="$t" -v b="$len" 'BEGIN { print a + b }')
		printf '\n%d\n%s --> %s\n%s\n' "$i" "$(vtt_time "$t")" "$(vtt_time "$end")" "$sentence" >>"$base.vtt"
		parts+=("$tmp/s$i.wav" "$tmp/gap.wav")
		t=$(awk -v a="$end" -v g="$gap" 'BEGIN { print a + g }')
	done
	unset 'parts[${#parts[@]}-1]'
	sox "${parts[@]}" "$base.wav"
}

bitexact=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1)

# --- Audio (module 1): the definition in three sentences.
narrate "$tmp/definition" 165 0.45 \
	"A micro-credential is a record of what you have learned in a short, focused course." \
	"What makes it worth trusting is that your learning was assessed against clear criteria." \
	"And it belongs to you: you can keep it, share it, and build on it."
ffmpeg -v error -y -i "$tmp/definition.wav" -ac 1 -ar 22050 -c:a libmp3lame -b:a 32k "${bitexact[@]}" \
	-id3v2_version 0 -write_xing 0 "$out/definition-audio.mp3"
cp "$tmp/definition.vtt" "$out/definition-audio.vtt"

# --- Video (module 3): the trust triangle builds up, one role per sentence.
narrate "$tmp/roles" 170 0.25 \
	"The issuer signs the credential." \
	"The learner keeps it in a wallet." \
	"The employer checks the signature."
total=$(soxi -D "$tmp/roles.wav")
for n in 1 2 3; do
	trust 40 "$n" >"$tmp/slide$n.mvg"
	convert -size 320x180 "xc:$paper" -draw "$(cat "$tmp/slide$n.mvg")" -strip "$tmp/slide$n.png"
done
{
	echo "ffconcat version 1.0"
	d1=$(awk -v a="${starts[1]}" 'BEGIN { print a }')
	d2=$(awk -v a="${starts[2]}" -v b="${starts[1]}" 'BEGIN { print a - b }')
	d3=$(awk -v t="$total" -v a="${starts[2]}" 'BEGIN { print t - a + 0.3 }')
	printf 'file slide1.png\nduration %s\nfile slide2.png\nduration %s\nfile slide3.png\nduration %s\nfile slide3.png\n' "$d1" "$d2" "$d3"
} >"$tmp/slides.txt"
ffmpeg -v error -y -f concat -i "$tmp/slides.txt" -i "$tmp/roles.wav" \
	-vf "fps=15,format=yuv420p" -c:v libx264 -preset veryslow -tune stillimage -crf 30 \
	-x264-params "threads=1" -c:a aac -b:a 32k -ac 1 -shortest -t 6 \
	-movflags +faststart "${bitexact[@]}" "$out/roles-video.mp4"
cp "$tmp/roles.vtt" "$out/roles-video.vtt"

cp "$here/logo.svg" "$out/logo.svg"
cp "$here/badge.svg" "$out/badge.svg" # the sample credential's badge
rm -rf "$tmp"

ls -l "$out"
[ "$install" = "--install" ] || exit 0

# --- Install: media/<sha256>.<ext> plus media.json sorted by hash, in the
# exact form the dump writer produces.
mime() {
	case "$1" in
	*.png) echo image/png ;; *.svg) echo image/svg+xml ;; *.mp3) echo audio/mpeg ;;
	*.mp4) echo video/mp4 ;; *.vtt) echo text/vtt ;; *) echo "unknown type: $1" >&2 && exit 1 ;;
	esac
}
rm -rf "$sample/media"
mkdir -p "$sample/media"
for f in "$out"/*; do
	name=$(basename "$f")
	hash=$(sha256sum "$f" | cut -d' ' -f1)
	cp "$f" "$sample/media/$hash.${name##*.}"
	printf '%s %s %s %s\n' "$hash" "$name" "$(mime "$name")" "$(stat -c %s "$f")"
done | sort >"$out/index.txt"
awk 'BEGIN { print "[" }
	{ if (NR > 1) print "  },"; printf "  {\n    \"hash\": \"%s\",\n    \"name\": \"%s\",\n    \"type\": \"%s\",\n    \"size\": %s\n", $1, $2, $3, $4 }
	END { if (NR > 0) print "  }"; print "]" }' "$out/index.txt" >"$sample/media.json"
echo "name -> hash (update modules/*.json and project.json if they changed):"
awk '{ print $2, $1 }' "$out/index.txt"
