#!/usr/bin/env bash
# Makes every picture of the README and docs/images again from the built window, under Xvfb:
#   bash docs/images/shoot.sh [path/to/lockstep]     (default: build/release/app/lockstep, else build/dev/...)
# The window opens as on a fresh machine (settings of its own), at the screen size each picture names.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-}
[ -n "$bin" ] || for b in build/release/app/lockstep build/dev/app/lockstep; do [ -x "$b" ] && bin=$b && break; done
[ -x "$bin" ] || { echo "shoot.sh: build lockstep first (cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
out=docs/images
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT

# shot NAME SCREEN LANG ARGS...: a picture of the window on a screen of that size, with a fresh configuration.
shot() {
    local name=$1 screen=$2 lang=$3
    shift 3
    rm -rf "$config"/*
    XDG_CONFIG_HOME=$config xvfb-run -a -s "-screen 0 ${screen}x24" "$bin" "$@" --lang "$lang" \
        --screenshot "$out/$name-$lang.png" 2>/dev/null
    echo "$out/$name-$lang.png"
}

for lang in en ru; do
    # The three a learner meets first, on a laptop (the Learn layout) and on a large screen (the full one).
    for size in 1366x768 1600x1000; do
        w=${size%x*}
        shot start-page-$w $size $lang
        shot race-counter-sleep-$w $size $lang race-counter-sleep --steps 9
        shot deadlock-two-locks-$w $size $lang deadlock-two-locks --steps 99
    done
    # A challenge being played (the learner has chosen T1 three times; T2 reads next), won, and a prediction answered.
    for size in 1366x768 1600x1000; do
        w=${size%x*}
        shot challenge-play-$w $size $lang --challenge lost-update --schedule MainThread,MainThread,T1,T1,T1 --steps 9
        shot challenge-won-$w $size $lang --challenge lost-update --schedule MainThread,MainThread,T1,T1,T1,T2,T2 --steps 60
        shot prediction-$w $size $lang --predict race-counter-final --answer 3
    done
    shot story-program 1600x1000 $lang docs/examples/lost_withdrawal.py --steps 22
    shot gil-lesson-program-1600 1600x1000 $lang docs/examples/gil_lesson.py --steps 3000000 --axis time
    shot semaphore-groups 1600x1000 $lang semaphore-groups --steps 99 --axis time
    shot queue-producer-consumers 1600x1000 $lang queue-producer-consumers --steps 99 --axis time
    shot explore-race-increment-double 1600x1000 $lang race-increment-double --explore
    shot thread-pool-futures 1600x1000 $lang thread-pool-futures --steps 999 --axis time
    shot async-first-completed 1600x1000 $lang async-first-completed --steps 999
    shot async-gather-many 1600x1000 $lang async-gather-many --steps 99999 --axis time
    shot process-queue 1600x1000 $lang process-queue --steps 999
done
