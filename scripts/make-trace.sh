#!/usr/bin/env bash
# Makes a FrameBench media trace (docs/trace-format.md) from real encoders.
#
# ffmpeg encodes a synthetic source — lavfi testsrc2 video scaled to simulcast layers, and
# pink noise gated into talk spurts and pauses — with libvpx (VP8 or VP9, real-time
# settings, no periodic keyframes, a forced keyframe standing in for a receiver's request)
# and libopus (20 ms VBR voice). ffprobe then lists every packet's time, size and key flag,
# and this script writes them as `time_ms,stream,size,keyframe` lines, sorted by time.
#
# Needs ffmpeg and ffprobe built with libopus and libvpx (Debian: apt-get install -y ffmpeg).
#
# Usage: scripts/make-trace.sh [options] OUTPUT.csv
#   -d SECONDS     duration (default 10)
#   -c CODEC       vp8 or vp9 (default vp8)
#   -k TIMES       comma-separated seconds at which to force a keyframe (default 5; "" for none)
#   -a BITRATE     Opus bitrate (default 36k)
#   -t SEED        seed of the noise source (default 1)
# Layers: 180p at 150k, 360p at 500k, 720p at 1500k, all 30 fps (as the generated workload).
set -euo pipefail

duration=10 codec=vp8 keyframes=5 audio_bitrate=36k seed=1
while getopts "d:c:k:a:t:h" option; do
    case "$option" in
        d) duration=$OPTARG ;;
        c) codec=$OPTARG ;;
        k) keyframes=$OPTARG ;;
        a) audio_bitrate=$OPTARG ;;
        t) seed=$OPTARG ;;
        *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { echo "usage: $0 [-d SECONDS] [-c vp8|vp9] [-k TIMES] [-a BITRATE] [-t SEED] OUTPUT.csv" >&2; exit 2; }
output=$1

for tool in ffmpeg ffprobe; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found (Debian: apt-get install -y ffmpeg)" >&2; exit 2; }
done
case "$codec" in
    vp8) encoder=libvpx ;;
    vp9) encoder=libvpx-vp9 ;;
    *) echo "error: codec must be vp8 or vp9, not '$codec'" >&2; exit 2 ;;
esac
encoders=$(ffmpeg -hide_banner -encoders 2>/dev/null)
for needed in libopus "$encoder"; do
    grep -qw -- "$needed" <<<"$encoders" \
        || { echo "error: this ffmpeg has no $needed encoder" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Forced keyframes as frame numbers at 30 fps: expr:eq(n,150)+eq(n,…).
force="expr:0"
if [ -n "$keyframes" ]; then
    force="expr:$(echo "$keyframes" | tr ',' '\n' | awk '{ printf "%seq(n,%d)", (NR > 1 ? "+" : ""), $1 * 30 }')"
fi
vp9_options=()
[ "$codec" = vp9 ] && vp9_options=(-row-mt 1 -tile-columns 1)

# Talk spurts: 1.0 s of sound every 2.6 s (about ITU-T P.59's 1.0 s spurts, 1.6 s pauses).
ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=$duration" \
    -f lavfi -i "anoisesrc=color=pink:sample_rate=48000:amplitude=0.3:seed=$seed:duration=$duration,volume=volume='if(lt(mod(t,2.6),1.0),1,0)':eval=frame" \
    -filter_complex "[0:v]split=3[a][b][c];[a]scale=320:180[v0];[b]scale=640:360[v1];[c]copy[v2]" \
    -map "[v0]" -map "[v1]" -map "[v2]" -map 1:a \
    -c:v "$encoder" -deadline realtime -cpu-used 8 -lag-in-frames 0 -auto-alt-ref 0 -error-resilient 1 \
    -g 100000 -keyint_min 100000 -force_key_frames "$force" "${vp9_options[@]}" \
    -b:v:0 150k -maxrate:v:0 150k -bufsize:v:0 150k \
    -b:v:1 500k -maxrate:v:1 500k -bufsize:v:1 500k \
    -b:v:2 1500k -maxrate:v:2 1500k -bufsize:v:2 1500k \
    -c:a libopus -b:a "$audio_bitrate" -vbr on -application voip -frame_duration 20 \
    "$work/trace.mkv"

# Stream index → trace stream name: audio, or video:<height>p.
ffprobe -v error -show_entries stream=index,codec_type,height -of compact=p=0:nk=0 "$work/trace.mkv" \
    | awk -F'|' '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
                   print f["index"], (f["codec_type"] == "audio" ? "audio" : "video:" f["height"] "p") }' \
    > "$work/streams"

# Packets → CSV; each stream's times start at 0 (Opus's pre-skip makes its first timestamp negative).
ffprobe -v error -show_entries packet=stream_index,pts_time,size,flags -of compact=p=0:nk=0 "$work/trace.mkv" \
    | awk -F'|' -v streams="$work/streams" '
        BEGIN { while ((getline line < streams) > 0) { split(line, s, " "); name[s[1]] = s[2] } }
        { for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
          id = f["stream_index"]; t = f["pts_time"] * 1000
          if (!(id in first)) first[id] = t
          stream = name[id]; key = (stream != "audio" && f["flags"] ~ /K/) ? 1 : 0
          printf "%.3f,%s,%d,%d\n", t - first[id], stream, f["size"], key }' \
    | sort -t, -k1,1g -k2,2 -s > "$work/packets"

{
    echo "# FrameBench trace (docs/trace-format.md), made by:"
    echo "#   scripts/make-trace.sh -d $duration -c $codec -k '$keyframes' -a $audio_bitrate -t $seed $(basename "$output")"
    echo "# $(ffmpeg -version | head -n 1)"
    echo "# video: lavfi testsrc2 1280x720 30 fps, $encoder realtime, layers 180p 150k / 360p 500k / 720p 1500k"
    echo "# audio: pink noise gated 1.0 s on / 1.6 s off, libopus $audio_bitrate VBR voip 20 ms"
    echo "time_ms,stream,size,keyframe"
    cat "$work/packets"
} > "$work/out.csv"
mv "$work/out.csv" "$output"
echo "wrote $output: $(grep -vc '^#' "$output") lines" >&2
