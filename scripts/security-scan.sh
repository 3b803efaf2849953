#!/usr/bin/env bash
# Runs sqlmap and wapiti (Debian packages) against a fresh Lantu with the demo district, signed in as the project
# office, on the list, search and import endpoints. Not part of CI (it takes ~15 minutes); results go to
# test-results/security-scan/ and the verdicts are recorded in docs/security.md.
#   apt-get install -y sqlmap wapiti && scripts/security-scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=test-results/security-scan
port=${SCAN_PORT:-3294}
password=scan-demo-password-2024
base="http://127.0.0.1:${port}"
rm -rf "$out" && mkdir -p "$out"
data=$(mktemp -d)

PORT=$port LANTU_DATA_DIR="$data" LANTU_DEMO=1 LANTU_DEMO_PASSWORD=$password LANTU_LOG_LEVEL=warn node bin/lantu.js serve >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 90); do curl -sf "$base/readyz" >/dev/null && break; sleep 1; done

# The project office has no second factor; its session cookie and CSRF token drive both scanners.
curl -s -c "$out/cookies.txt" -o "$out/me.json" -H 'content-type: application/json' \
  -d "{\"username\":\"office\",\"password\":\"$password\"}" "$base/api/v1/auth/sign-in"
session=$(awk '$6 == "lantu_session" { print $7 }' "$out/cookies.txt")
csrf=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).csrfToken)' "$out/me.json")
cookie="lantu_session=${session}"

scan() { # name, url, extra sqlmap options…
  local name=$1 url=$2
  shift 2
  sqlmap -u "$url" --cookie="$cookie" -H "X-CSRF-Token: ${csrf}" --batch --level=5 --risk=3 --dbms=PostgreSQL \
    --disable-coloring --output-dir="$out/sqlmap-$name" "$@" >"$out/sqlmap-$name.log" 2>&1 || true
  if grep -q "is vulnerable\|sqlmap identified the following injection" "$out/sqlmap-$name.log"; then
    echo "sqlmap $name: INJECTION FOUND (see $out/sqlmap-$name.log)"
  else
    echo "sqlmap $name: $(grep -c 'does not seem to be injectable' "$out/sqlmap-$name.log") parameters tested, none injectable"
  fi
}

scan projects-list "$base/api/v1/projects?q=%E5%B9%BF%E5%9C%BA&pool=implementing&sort=name&page=1&pageSize=20&streetCode=370105014&year=2026&nature=new_start"
scan projects-search "$base/api/v1/projects?q=%E5%B9%BF%E5%9C%BA&pageSize=20" -p q
scan units-search "$base/api/v1/units?q=%E8%A1%97%E9%81%93&pageSize=20" -p q
# The import: the template's kind (path), a job's id (path), and the upload's form fields (multipart).
scan import-template "$base/api/v1/imports/templates/projects*"
scan import-job "$base/api/v1/imports/00000000-0000-4000-8000-000000000000*" --ignore-code=404
body=$(printf -- '--LANTU\r\nContent-Disposition: form-data; name="kind"\r\n\r\nprojects\r\n--LANTU\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nPK\r\n--LANTU--\r\n')
scan import-upload "$base/api/v1/imports" --data="$body" -H "Content-Type: multipart/form-data; boundary=LANTU" </dev/null

wapiti -u "$base/" --scope folder -s "$base/api/v1/projects?q=a&page=1" -s "$base/api/v1/units?q=a" \
  -s "$base/api/v1/imports" -H "Cookie: ${cookie}" -H "X-CSRF-Token: ${csrf}" -m "sql,blindsql,xss,exec,file,crlf,redirect,permanentxss" \
  --flush-session -f txt -o "$out/wapiti.txt" >"$out/wapiti.log" 2>&1 || true
echo "wapiti: $(grep -E '^\s+[A-Za-z ]+ :\s+[0-9]+$' "$out/wapiti.txt" | awk '{ n += $NF } END { print n + 0 }') findings and anomalies in all (see $out/wapiti.txt)"
