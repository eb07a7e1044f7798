#!/usr/bin/env bash
# The ablation in miniature (paper Table 2; docs/ablation.md): five rows of the `small` preset, each
# 2,000 iterations of 8 images from scratch with the same data, seed and schedule. Re-running the
# script resumes every unfinished row from its last checkpoint and skips finished ones, so it can be
# stopped and restarted across sittings.
#   tools/ablation.sh DATA RUNS [ROW...]      rows: dpg-dla dpg baseline dla dpg-dla-no-unit (default: all)
# DSRCNN (default ./dsrcnn) is the launcher to use, e.g. a frozen copy of the jars for long jobs.
set -euo pipefail
data="${1:?usage: tools/ablation.sh DATA RUNS [ROW...]}"
runs="${2:?usage: tools/ablation.sh DATA RUNS [ROW...]}"
shift 2
rows=("$@")
[ ${#rows[@]} -eq 0 ] && rows=(dpg-dla dpg baseline dla dpg-dla-no-unit)
dsrcnn="${DSRCNN:-$(dirname "$0")/../dsrcnn}"
common=(--config small --data "$data" --iters 2000 --eval-images 100 --no-progress
        --set solver.warmupIters=200 --set "solver.steps=[1500,1800]"
        --set solver.checkpointPeriod=100 --set solver.evalPeriod=250)
for row in "${rows[@]}"; do
  case "$row" in
    baseline)        extra=(--set proposals.dynamic=false --set matcher.type=hungarian --set inference.nms=false) ;;
    dpg)             extra=(--set matcher.type=hungarian --set inference.nms=false) ;;
    dla)             extra=(--set proposals.dynamic=false) ;;
    dpg-dla)         extra=() ;;
    dpg-dla-no-unit) extra=(--set matcher.unitIncreasing=false) ;;
    *) echo "ablation: unknown row $row" >&2; exit 2 ;;
  esac
  out="$runs/abl-$row"
  if [ -f "$out/model/model.json" ]; then echo "ablation: $row finished"; continue; fi
  resume=()
  [ -d "$out/checkpoints" ] && resume=(--resume)
  echo "ablation: $row ${resume[*]}"
  "$dsrcnn" train "${common[@]}" "${extra[@]}" --out "$out" "${resume[@]}"
done
