#!/bin/bash
# Tally load on both engines and both servers, back to back and at an agent's pace (issue 14):
#   bench/activity/tally_matrix.sh VAR_DIR POSTGRES_URL > tally-matrix.txt
# VAR_DIR holds a SQLite demo (capacite migrate, load_territories --if-missing, demo with
# CAPACITE_VAR_DIR=VAR_DIR); POSTGRES_URL names a PostgreSQL database with the same demo.
# Servers: `capacite runserver` (what `make run` serves) and gunicorn as the operator guide
# runs it (3 workers). ENGINES="sqlite" or PACES="1" narrow the runs.
set -u
cd "$(dirname "$0")/../.."
var_dir=$1 postgres_url=$2
port=${PORT:-8114}
for engine in ${ENGINES:-sqlite postgres}; do
  if [ "$engine" = sqlite ]; then export CAPACITE_VAR_DIR=$var_dir; unset CAPACITE_DATABASE_URL
  else export CAPACITE_DATABASE_URL=$postgres_url; fi
  for server in runserver gunicorn; do
    if [ "$server" = runserver ]; then
      .venv/bin/capacite runserver "127.0.0.1:$port" --noreload --skip-checks >/dev/null 2>&1 &
    else
      .venv/bin/gunicorn capacite.wsgi:application --bind "127.0.0.1:$port" --workers 3 \
        --timeout 60 >/dev/null 2>&1 &
    fi
    server_pid=$!
    sleep 8
    for pace in ${PACES:-0 1}; do
      echo "== $(date -u +%FT%T) $engine $server pace $pace, load $(cut -d' ' -f1-3 /proc/loadavg)"
      .venv/bin/python bench/activity/tally_load.py --base "http://127.0.0.1:$port" \
        --seconds 60 --pace "$pace"
      echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    done
    kill "$server_pid"; wait "$server_pid" 2>/dev/null; sleep 2
  done
done
